package ru.fioco.training.platform.files;

import java.util.List;
import java.util.Set;

/**
 * What one kind of upload accepts: a size limit, and either a list of allowed content types (personal
 * documents: pdf, jpeg, png) or of refused ones (chat attachments: executables and scripts). Types are
 * always detected from the content. {@code verifyReadable} also opens PDFs and images to be sure they
 * are what their first bytes claim.
 */
public record UploadPolicy(long maxBytes, Set<String> allowedTypes, Set<String> refusedTypes, boolean verifyReadable) {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** Participants' and signed documents: pdf, jpg, jpeg, png, at most 1 MB, readable. */
    public static final UploadPolicy PERSONAL_DOCUMENT = new UploadPolicy(1024 * 1024, Set.of(PDF, JPEG, PNG), Set.of(), true);

    public UploadPolicy {
        allowedTypes = allowedTypes == null ? Set.of() : Set.copyOf(allowedTypes);
        refusedTypes = refusedTypes == null ? Set.of() : Set.copyOf(refusedTypes);
    }

    /**
     * The extensions a file of this type is named with, the usual one first; for a policy that names the types it
     * admits, a stored file's name always ends with one of them.
     */
    static List<String> extensionsOf(String contentType) {
        return switch (contentType) {
            case PDF -> List.of(".pdf");
            case JPEG -> List.of(".jpg", ".jpeg");
            case PNG -> List.of(".png");
            default -> List.of();
        };
    }

    boolean admits(String contentType) {
        if (!allowedTypes.isEmpty()) {
            return allowedTypes.contains(contentType);
        }
        return !refusedTypes.contains(contentType);
    }
}
