package ru.fioco.training.contract.web;

import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.gridfs.GridFSDownloadStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.files.FileStore;
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

    StoredFile draft(InputStream body, String name, String contentType) {
        refuseMultipart(contentType);
        StoredFile stored = files.store(body, name, DRAFT, "file");
        try (GridFSDownloadStream in = files.open(stored.fileId()); XWPFDocument doc = new XWPFDocument(in)) {
            if (doc.getParagraphs().isEmpty() && doc.getTables().isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
        } catch (Exception notWord) { // POI's refusals of a broken or hostile zip come as several types
            files.delete(stored.fileId());
            throw new InvalidInputException("file", "это не документ Word (DOCX): сохраните договор в формате .docx");
        }
        return stored;
    }

    StoredFile scan(InputStream body, String name, String contentType) {
        refuseMultipart(contentType);
        return files.store(body, name, SCAN, "file");
    }

    private static void refuseMultipart(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidInputException("file", "передайте файл телом запроса, а его имя — параметром name");
        }
    }
}
