package ru.fioco.training.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;

/**
 * Opens a PDF or an image to be sure it is one: a file that merely starts with the right bytes is
 * refused. A PDF carrying JavaScript is refused too: a scan of a passport never needs a script, and staff
 * open these files in viewers that may run one. Images are decoded subsampled, so a small file that
 * claims a huge picture (a decompression bomb) cannot exhaust the heap.
 */
final class ContentCheck {

    static final long MAX_PIXELS = 60_000_000L;

    private ContentCheck() {
    }

    /** @return null if the content is readable, else the Russian reason */
    static String problem(String contentType, InputStream content) throws IOException {
        return switch (contentType) {
            case UploadPolicy.PDF -> pdfProblem(content);
            case UploadPolicy.JPEG, UploadPolicy.PNG -> imageProblem(content);
            default -> null;
        };
    }

    private static String pdfProblem(InputStream content) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            if (pdf.getNumberOfPages() == 0) {
                return "в PDF нет ни одной страницы";
            }
            return hasJavaScript(pdf) ? "PDF содержит JavaScript; загрузите скан без сценариев" : null;
        } catch (InvalidPasswordException e) {
            return "PDF защищён паролем; загрузите файл без пароля";
        } catch (IOException e) {
            return "файл повреждён или не является PDF";
        }
    }

    static boolean hasJavaScript(PDDocument pdf) throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        if (catalog.getOpenAction() instanceof PDActionJavaScript) {
            return true;
        }
        if (catalog.getNames() != null && catalog.getNames().getJavaScript() != null) {
            return true;
        }
        if (catalog.getActions() != null && catalog.getActions().getCOSObject().size() > 0) {
            return true; // document-level triggers (before close, before print...) exist only to run scripts
        }
        for (PDPage page : pdf.getPages()) {
            if (page.getActions() != null && page.getActions().getCOSObject().size() > 0) {
                return true;
            }
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionJavaScript) {
                    return true;
                }
                if (annotation instanceof PDAnnotationWidget widget && widget.getAction() instanceof PDActionJavaScript) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String imageProblem(InputStream content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "изображение не читается";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    return "недопустимые размеры изображения";
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / 1_000_000.0)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "изображение повреждено или не читается";
        }
    }
}
