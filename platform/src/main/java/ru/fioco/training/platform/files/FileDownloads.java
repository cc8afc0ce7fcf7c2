package ru.fioco.training.platform.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A stored file as an HTTP download: streamed from GridFS (opened with its subject's key when sealed), always as an
 * attachment (never rendered in the browser), with the detected type, {@code nosniff}, and the name encoded per
 * RFC 6266 / RFC 5987 so that Cyrillic names survive and no name can break the header.
 */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static Response attachment(FileStore store, StoredFile file) {
        OpenedFile opened = store.open(file.fileId());
        StreamingOutput body = out -> {
            try (opened) {
                opened.content().transferTo(out);
            }
        };
        return download(body, file.contentType(), file.fileName(), file.size());
    }

    /** A document made for this download (a stored one with its sealed values opened). */
    public static Response attachment(byte[] content, String contentType, String fileName) {
        return download(content, contentType, fileName, content.length);
    }

    private static Response download(Object body, String contentType, String fileName, long size) {
        return Response.ok(body, contentType)
                .header("Content-Disposition", contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "no-store")
                .header("Content-Length", size)
                .build();
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}. */
    public static String contentDisposition(String fileName) {
        String safe = SafeFileName.of(fileName);
        String ascii = safe.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
