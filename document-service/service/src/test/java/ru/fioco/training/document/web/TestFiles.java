package ru.fioco.training.document.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Real files of each kind, and the hostile ones, made in the test. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] pdf() {
        return pdf(false);
    }

    static byte[] pdfWithJavaScript() {
        return pdf(true);
    }

    private static byte[] pdf(boolean script) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            if (script) {
                doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().drawString("СНИЛС", 2, 20);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows executable's header and some code bytes. */
    static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
    }

    /** Starts like a PDF, is not one. */
    static byte[] fakePdf() {
        byte[] b = new byte[2048];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, b, 0, 9);
        return b;
    }

    /** A valid PDF padded past 1 MB. */
    static byte[] overOneMegabyte() {
        byte[] pdf = pdf();
        byte[] b = new byte[1024 * 1024 + 1];
        System.arraycopy(pdf, 0, b, 0, pdf.length);
        return b;
    }
}
