package ru.fioco.training.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.errors.ErasedDataException;
import ru.fioco.training.platform.json.PersonalDataCipher;
import ru.fioco.training.platform.json.PersonalDataModule;
import ru.fioco.training.platform.personaldata.KeyVault;

/**
 * A scan kept for a person lies in GridFS only as ciphertext under that person's key, reads back byte for byte, and
 * is gone for good once the key is destroyed; nothing more of an erased person is accepted.
 */
class SealedFileStoreTest {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[96]);
    /** Any type, no readability check: the bytes themselves are what is looked at here. */
    private static final UploadPolicy ANY = new UploadPolicy(5L * 1024 * 1024, Set.of(), Set.of(), false);

    private KeyVault vault;
    private PersonalDataCipher before;
    private MongoClient client;
    private MongoDatabase database;
    private FileStore store;

    @BeforeEach
    void start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        vault = new KeyVault(SharedTestStack.get().mongo().connectionString(), "keyvault-" + run + ".datakeys",
                MASTER_KEY, Duration.ofMillis(1));
        before = PersonalDataModule.useCipher(vault);
        client = MongoClients.create(SharedTestStack.get().mongo().connectionString());
        database = client.getDatabase("files-" + run);
        store = new FileStore(database, "documents");
    }

    @AfterEach
    void stop() {
        PersonalDataModule.useCipher(before);
        vault.close();
        client.close();
    }

    @Test
    void aSealedScanHoldsNoPlaintextAndReadsBackWhole() throws IOException {
        // larger than three frames, with readable text at its start and its end
        byte[] scan = scan(3 * SealedFrames.FRAME + 12_345);
        StoredFile stored = store.store(new ByteArrayInputStream(scan), "паспорт.txt", ANY, "file", "participant:p-1");

        assertThat(stored.size()).isEqualTo(scan.length);
        assertThat(stored.sha256()).as("the hash is of the person's file, not of the ciphertext")
                .isEqualTo(HexFormat.of().formatHex(sha256(scan)));
        String asStored = new String(raw(stored.fileId()), StandardCharsets.ISO_8859_1);
        assertThat(asStored).doesNotContain("PASSPORT 4510 123456").doesNotContain("END OF SCAN");
        try (OpenedFile opened = store.open(stored.fileId())) {
            assertThat(opened.size()).isEqualTo(scan.length);
            assertThat(opened.fileName()).isEqualTo("паспорт.txt");
            assertThat(opened.content().readAllBytes()).isEqualTo(scan);
        }
    }

    @Test
    void anErasedPersonsScanIsGoneAndNoNewOneIsTaken() {
        StoredFile theirs = store.store(new ByteArrayInputStream(scan(1000)), "snils.txt", ANY, "file",
                "participant:p-1");
        StoredFile others = store.store(new ByteArrayInputStream(scan(1000)), "snils.txt", ANY, "file",
                "participant:p-2");

        vault.erase("participant:p-1");

        assertThatThrownBy(() -> store.open(theirs.fileId())).isInstanceOf(ErasedDataException.class)
                .hasMessageContaining("уничтожен");
        try (OpenedFile opened = store.open(others.fileId())) {
            assertThat(opened.content().readAllBytes()).as("another person's scan").isEqualTo(scan(1000));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(scan(1000)), "snils.txt", ANY, "file",
                "participant:p-1")).isInstanceOf(UploadRefusedException.class).hasMessageContaining("уничтожены");
        assertThat(database.getCollection("documents.files").countDocuments()).as("the refused upload left nothing")
                .isEqualTo(2);
        assertThat(database.getCollection("documents.chunks").countDocuments(
                new org.bson.Document("files_id", new ObjectId(others.fileId())))).isPositive();
    }

    @Test
    void aTooLargeSealedUploadLeavesNoChunk() {
        UploadPolicy small = new UploadPolicy(SealedFrames.FRAME + 10, Set.of(), Set.of(), false);
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(scan(2 * SealedFrames.FRAME)), "big.txt", small,
                "file", "participant:p-3")).isInstanceOf(FileTooLargeException.class);
        assertThat(database.getCollection("documents.chunks").countDocuments()).isZero();
        assertThat(database.getCollection("documents.files").countDocuments()).isZero();
    }

    @Test
    void aFileWithoutSubjectIsKeptAsGiven() throws IOException {
        byte[] generated = scan(500);
        StoredFile stored = store.store(new ByteArrayInputStream(generated), "акт.txt", ANY, "file");
        assertThat(raw(stored.fileId())).isEqualTo(generated);
        try (OpenedFile opened = store.open(stored.fileId())) {
            assertThat(opened.content().readAllBytes()).isEqualTo(generated);
            assertThat(opened.size()).isEqualTo(500);
        }
    }

    /** Readable text around random bytes, so a stored copy in the clear would show. */
    private static byte[] scan(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "PASSPORT 4510 123456".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "END OF SCAN".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private byte[] raw(String fileId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GridFSBuckets.create(database, "documents").downloadToStream(new ObjectId(fileId), out);
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
