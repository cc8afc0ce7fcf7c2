package ru.fioco.training.platform.files;

/** A file kept in GridFS: its id, exact size, SHA-256 (hex), the type detected from its content and its safe name. */
public record StoredFile(String fileId, long size, String sha256, String contentType, String fileName) {
}
