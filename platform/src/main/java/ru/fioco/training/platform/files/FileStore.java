package ru.fioco.training.platform.files;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.tika.Tika;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.errors.ErasedDataException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.errors.Refusals;

/**
 * The one way a service keeps an uploaded file: streamed into GridFS chunk by chunk (never whole in
 * memory), its type decided by Tika from the first bytes (never by the name or the client's header),
 * counted against the limit while streaming (refused the moment it passes it), hashed with SHA-256 on
 * the way, sealed with its data subject's key (152-FZ: scans of passports lie encrypted, and an erasure
 * destroys them), and, where the policy asks, opened to prove it is readable. A refused file leaves no chunk.
 */
public final class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class);

    static final int CHUNKS_PER_FETCH = 8;
    static final int DETECTION_BYTES = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** Metadata: the key a sealed file is encrypted with, and its length in plaintext. */
    static final String SEALED_FOR = "sealedFor";
    static final String PLAIN_LENGTH = "plainLength";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final Tika tika = new Tika();

    public FileStore(MongoDatabase database, String bucketName) {
        this.bucket = GridFSBuckets.create(database, bucketName);
        this.files = database.getCollection(bucketName + ".files");
    }

    /**
     * Stores {@code content} under the safe form of {@code declaredName}.
     *
     * @param field the request's form field, named in a refusal
     * @throws UploadRefusedException empty, wrong type or unreadable content
     * @throws FileTooLargeException  more bytes than the policy allows
     */
    public StoredFile store(InputStream content, String declaredName, UploadPolicy policy, String field) {
        return store(content, declaredName, policy, field, null);
    }

    /**
     * Stores {@code content} sealed with the key of its data subject ({@code participant:<id>},
     * {@code application:<id>}): GridFS then holds only ciphertext, and destroying the subject's key destroys the
     * file. A null subject stores the bytes as given: only for files that carry no personal data in the clear (the
     * generated contract documents, whose personal values are sealed inside them).
     *
     * @param field the request's form field, named in a refusal
     * @throws UploadRefusedException empty, wrong type or unreadable content, or the subject's data were destroyed
     * @throws FileTooLargeException  more bytes than the policy allows
     */
    public StoredFile store(InputStream content, String declaredName, UploadPolicy policy, String field,
            String subject) {
        SafeFileName.problem(declaredName).ifPresent(problem -> {
            throw new UploadRefusedException(field, problem);
        });
        String name = SafeFileName.of(declaredName);
        try {
            BufferedInputStream in = new BufferedInputStream(content, BUFFER);
            in.mark(DETECTION_BYTES);
            byte[] head = in.readNBytes(DETECTION_BYTES);
            in.reset();
            if (head.length == 0) {
                throw new UploadRefusedException(field, "пустой файл");
            }
            String type = tika.detect(head); // content only: no name is given to the detector
            if (!policy.admits(type)) {
                throw new UploadRefusedException(field, "недопустимый тип файла (по содержимому: " + type + ")"
                        + (policy.allowedTypes().isEmpty() ? "" : "; допустимы: " + readable(policy)));
            }
            if (!policy.allowedTypes().isEmpty()) {
                name = SafeFileName.withExtension(name, UploadPolicy.extensionsOf(type));
            }
            ObjectId id = new ObjectId();
            MessageDigest sha = sha256();
            long size = copy(in, id, name, type, policy, sha, subject, field);
            if (policy.verifyReadable()) {
                String problem;
                try (OpenedFile stored = open(id.toHexString())) {
                    problem = ContentCheck.problem(type, stored.content());
                }
                if (problem != null) {
                    bucket.delete(id);
                    throw new UploadRefusedException(field, problem);
                }
            }
            return new StoredFile(id.toHexString(), size, HexFormat.of().formatHex(sha.digest()), type, name);
        } catch (IOException clientGone) {
            // only the request body throws IOException here (GridFS throws MongoException): the sender stopped
            // mid-file or passed the HTTP limit. The client's doing, so a refusal rather than an internal error.
            throw new UploadRefusedException(field, "передача файла прервана, загрузите его ещё раз");
        }
    }

    private long copy(InputStream in, ObjectId id, String name, String type, UploadPolicy policy, MessageDigest sha,
            String subject, String field) throws IOException {
        Document metadata = new Document("contentType", type);
        if (subject != null) {
            metadata.append(SEALED_FOR, subject);
        }
        GridFSUploadStream out = bucket.openUploadStream(new BsonObjectId(id), name,
                new GridFSUploadOptions().metadata(metadata));
        boolean complete = false;
        try {
            DataOutputStream frames = subject == null ? null : new DataOutputStream(out);
            byte[] buffer = new byte[subject == null ? BUFFER : SealedFrames.FRAME];
            long total = 0;
            int n;
            while ((n = subject == null ? in.read(buffer) : in.readNBytes(buffer, 0, buffer.length)) > 0) {
                total += n;
                if (total > policy.maxBytes()) {
                    throw new FileTooLargeException(policy.maxBytes());
                }
                sha.update(buffer, 0, n);
                if (frames == null) {
                    out.write(buffer, 0, n);
                } else if (!SealedFrames.write(frames, subject, buffer, n)) {
                    throw new UploadRefusedException(field, "персональные данные этого лица уничтожены: "
                            + "его документы больше не принимаются");
                }
            }
            out.close();
            complete = true;
            if (subject != null) {
                files.updateOne(Filters.eq("_id", id), Updates.set("metadata." + PLAIN_LENGTH, total));
            }
            return total;
        } finally {
            if (!complete) {
                out.abort(); // deletes the chunks written so far
            }
        }
    }

    /**
     * The stored file, its content streamed (sealed files opened frame by frame with their subject's key); the caller
     * closes it. Chunks are fetched {@value #CHUNKS_PER_FETCH} at a time (about 2 MB): the driver's default batch
     * would pull up to 16 MB per download into the heap at once.
     *
     * @throws NotFoundException    no such file
     * @throws ErasedDataException  the file's subject was erased: its content is gone for good
     */
    public OpenedFile open(String fileId) {
        GridFSDownloadStream stream;
        try {
            stream = bucket.openDownloadStream(new ObjectId(fileId)).batchSize(CHUNKS_PER_FETCH);
        } catch (IllegalArgumentException | MongoGridFSException e) {
            throw new NotFoundException("Файл не найден");
        }
        GridFSFile file = stream.getGridFSFile();
        Document metadata = file.getMetadata();
        String type = metadata == null ? null : metadata.getString("contentType");
        if (metadata == null || metadata.getString(SEALED_FOR) == null) {
            return new OpenedFile(stream, file.getFilename(), file.getLength(), type);
        }
        Number plainLength = (Number) metadata.get(PLAIN_LENGTH);
        try {
            InputStream content = SealedFrames.opening(stream);
            return new OpenedFile(content, file.getFilename(), plainLength == null ? -1 : plainLength.longValue(),
                    type);
        } catch (IOException e) {
            stream.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    public void delete(String fileId) {
        bucket.delete(new ObjectId(fileId));
    }

    /**
     * After the command that was to file a stored upload failed: the bytes are deleted only when the command was
     * refused (a rule, a conflict, bad input, no right, nothing to file it in), since then no event references them.
     * After any other failure (a timeout, MongoDB away, the process stopping) the command may have been stored before
     * the answer was lost, and an event would reference a deleted file; the bytes are kept (at worst an orphan).
     */
    public void discardIfRefused(String fileId, RuntimeException failure) {
        if (isRefusal(failure)) {
            delete(fileId);
        } else {
            LOG.warnf("Kept upload %s: its command failed with %s and may have been stored", fileId, failure.toString());
        }
    }

    static boolean isRefusal(Throwable failure) {
        // nothing to file it in is a refusal here too (a consumer would rather wait for it)
        return Refusals.byRule(failure) || failure instanceof NotFoundException
                || failure instanceof AggregateNotFoundException;
    }

    private static String readable(UploadPolicy policy) {
        return policy.allowedTypes().stream().map(t -> switch (t) {
            case UploadPolicy.PDF -> "pdf";
            case UploadPolicy.JPEG -> "jpg, jpeg";
            case UploadPolicy.PNG -> "png";
            default -> t;
        }).sorted().collect(Collectors.joining(", "));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
