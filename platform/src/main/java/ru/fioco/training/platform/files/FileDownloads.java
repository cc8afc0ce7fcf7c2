package ru.fioco.training.platform.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.mongodb.client.gridfs.GridFSDownloadStream;

/**
 * A stored file as an HTTP download: streamed from GridFS, always as an attachment (never rendered in the
 * browser), with the detected type, {@code nosniff}, and the name encoded per RFC 6266 / RFC 5987 so that
 * Cyrillic names survive and no name can break the header.
 */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static Response attachment(FileStore store, StoredFile file) {
        GridFSDownloadStream stream = store.open(file.fileId());
        StreamingOutput body = out -> {
            try (stream) {
                stream.transferTo(out);
            }
        };
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "no-store")
                .header("Content-Length", file.size())
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
