package ru.fioco.training.platform.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stored file opened for reading: its plaintext content (opened with its subject's key when it was sealed), its
 * name, its size in plaintext and the type detected when it was stored (null for files stored before types were
 * kept). The reader closes it.
 */
public record OpenedFile(InputStream content, String fileName, long size, String contentType) implements Closeable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
