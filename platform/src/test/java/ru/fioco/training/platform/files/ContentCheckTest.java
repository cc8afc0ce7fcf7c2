package ru.fioco.training.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

/** Opening uploads to prove they are what they claim: real PDFs and images made here, hostile ones too. */
class ContentCheckTest {

    @Test
    void aRealPdfAndRealImagesPass() throws IOException {
        assertThat(problem(UploadPolicy.PDF, pdf(doc -> { }))).isNull();
        assertThat(problem(UploadPolicy.PNG, image("png", 800, 600))).isNull();
        assertThat(problem(UploadPolicy.JPEG, image("jpg", 800, 600))).isNull();
    }

    @Test
    void aPdfThatRunsAScriptIsLockedOrHasNoPagesIsRefused() throws IOException {
        assertThat(problem(UploadPolicy.PDF, pdf(doc -> doc.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert(1)"))))).contains("JavaScript");
        assertThat(problem(UploadPolicy.PDF, pdf(doc -> {
            StandardProtectionPolicy lock = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            lock.setEncryptionKeyLength(128);
            doc.protect(lock);
        }))).contains("паролем");
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.save(empty);
        }
        assertThat(problem(UploadPolicy.PDF, empty.toByteArray())).contains("нет ни одной страницы");
    }

    @Test
    void bytesThatOnlyStartLikeTheTypeAreRefused() throws IOException {
        assertThat(problem(UploadPolicy.PDF, "%PDF-1.7\nнеправда".getBytes())).contains("повреждён");
        byte[] png = image("png", 10, 10);
        byte[] truncated = new byte[png.length / 2];
        System.arraycopy(png, 0, truncated, 0, truncated.length);
        assertThat(problem(UploadPolicy.PNG, truncated)).isNotNull();
        assertThat(problem(UploadPolicy.JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2})).isNotNull();
    }

    @Test
    void aSmallFileClaimingAHugePictureIsRefusedBeforeItIsDecoded() throws IOException {
        assertThat(problem(UploadPolicy.PNG, pngHeaderClaiming(100_000, 100_000))).isEqualTo("недопустимые размеры изображения");
    }

    @Test
    void otherTypesAreNotOpened() throws IOException {
        assertThat(problem("application/zip", new byte[] {1, 2, 3})).isNull();
    }

    interface PdfChange {
        void apply(PDDocument doc) throws IOException;
    }

    static String problem(String type, byte[] bytes) throws IOException {
        return ContentCheck.problem(type, new ByteArrayInputStream(bytes));
    }

    static byte[] pdf(PdfChange change) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            change.apply(doc);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk with the given size, and nothing else: a few dozen bytes. */
    static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
