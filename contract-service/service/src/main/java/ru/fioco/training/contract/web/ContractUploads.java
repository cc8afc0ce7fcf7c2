package ru.fioco.training.contract.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import ru.fioco.training.contract.domain.PersonalDocuments;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.OpenedFile;
import ru.fioco.training.platform.files.StoredFile;
import ru.fioco.training.platform.files.UploadPolicy;

/**
 * Files staff upload to a contract, streamed as the request body (never multipart) and checked by content: an edited
 * draft must open as a Word document, a countersigned scan must be a readable PDF, JPEG or PNG.
 */
@ApplicationScoped
public class ContractUploads {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** A DOCX is a zip by its first bytes; whether it is a Word document is decided by opening it. */
    static final UploadPolicy DRAFT = new UploadPolicy(10L * 1024 * 1024,
            Set.of(DOCX, "application/zip", "application/x-tika-ooxml"), Set.of(), false);
    /** A scan of a few pages signed by both sides, at a resolution that reads. */
    static final UploadPolicy SCAN = new UploadPolicy(5L * 1024 * 1024,
            Set.of(UploadPolicy.PDF, UploadPolicy.JPEG, UploadPolicy.PNG), Set.of(), true);

    @Inject
    FileStore files;

    @Inject
    PersonalDocuments documents;

    /**
     * An edited draft: checked as a Word document, then stored with the contract's persons' names sealed in its text
     * (so that a later erasure reaches it) and the whole file sealed with the application's key.
     *
     * @param personalValues names in the clear to their subjects ({@code participant:<id>})
     */
    StoredFile draft(String applicationId, InputStream body, String name, String contentType,
            Map<String, String> personalValues) {
        refuseMultipart(contentType);
        String subject = subject(applicationId);
        StoredFile stored = files.store(body, name, DRAFT, "file", subject);
        byte[] sealed;
        try (OpenedFile in = files.open(stored.fileId())) {
            sealed = documents.sealed(in.content(), personalValues);
        } catch (Exception notWord) { // POI's refusals of a broken or hostile zip come as several types
            files.delete(stored.fileId());
            throw new InvalidInputException("file", "это не документ Word (DOCX): сохраните договор в формате .docx");
        }
        files.delete(stored.fileId());
        return files.store(new ByteArrayInputStream(sealed), stored.fileName(), DRAFT, "file", subject);
    }

    /** A countersigned scan: sealed with the application's key (a scan's names cannot be sealed one by one). */
    StoredFile scan(String applicationId, InputStream body, String name, String contentType) {
        refuseMultipart(contentType);
        return files.store(body, name, SCAN, "file", subject(applicationId));
    }

    /** The key of an application's own files: destroyed when the application's retention period ends. */
    static String subject(String applicationId) {
        return "application:" + applicationId;
    }

    private static void refuseMultipart(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidInputException("file", "передайте файл телом запроса, а его имя — параметром name");
        }
    }
}
