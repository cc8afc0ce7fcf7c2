package ru.fioco.training.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.ClientEncryptionSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.vault.DataKeyOptions;
import com.mongodb.client.model.vault.EncryptOptions;
import com.mongodb.client.vault.ClientEncryption;
import com.mongodb.client.vault.ClientEncryptions;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

import ru.fioco.training.platform.json.PersonalDataCipher;

/**
 * Per-person data keys in MongoDB's key vault, used through the driver's explicit client-side field level encryption
 * (libmongocrypt; AES-256-CBC with HMAC-SHA-512, random IV). One data key per data subject, named by its key
 * alternative name ({@code participant:<id>}); the keys are wrapped by a local master key from configuration.
 * Destroying a subject's key erases every copy of its data at once, wherever the ciphertext lies.
 *
 * <p>The driver keeps keys it used in a cache for {@code keyCache}: another process sees an erasure within that
 * time; this process drops its cache at once by opening a new client.
 */
public final class KeyVault implements PersonalDataCipher, AutoCloseable {

    static final String ALGORITHM = "AEAD_AES_256_CBC_HMAC_SHA_512-Random";
    private static final String LOCAL = "local";
    private static final String INDEX_MAC = "HmacSHA256";
    /** libmongocrypt's answer when a ciphertext's key is no longer in the vault. */
    private static final String KEY_GONE = "not all keys requested were satisfied";

    private final MongoClientSettings vaultClient;
    private final String namespace;
    private final byte[] masterKey;
    private final Duration keyCache;
    private final MongoClient keys;
    private final Map<String, BsonBinary> keyIds = new ConcurrentHashMap<>();
    private final Set<String> erasedSubjects = ConcurrentHashMap.newKeySet();
    private final SecretKeySpec indexKey;
    private volatile ClientEncryption encryption;
    /** Encrypting and decrypting share the client; an erasure replaces it alone. */
    private final ReadWriteLock use = new ReentrantReadWriteLock();

    public KeyVault(String connectionString, String namespace, String masterKeyBase64, Duration keyCache) {
        this.vaultClient = MongoClientSettings.builder().applyConnectionString(new ConnectionString(connectionString))
                .build();
        this.namespace = namespace;
        this.masterKey = Base64.getDecoder().decode(masterKeyBase64.strip());
        if (masterKey.length != 96) {
            throw new IllegalArgumentException("platform.personal-data.master-key must be 96 bytes in base64, is "
                    + masterKey.length);
        }
        this.keyCache = keyCache;
        this.indexKey = indexKey(masterKey);
        this.keys = MongoClients.create(vaultClient);
        // two replicas creating the first key of one person at once: the second insert fails and reads the first's
        keyCollection().createIndex(Indexes.ascending("keyAltNames"),
                new IndexOptions().unique(true).sparse(true).name("keyAltNames_unique"));
        this.encryption = newEncryption();
    }

    /** The tombstones of erased subjects, beside the keys: {@code <vault database>.erased_subjects}. */
    private MongoCollection<Document> erasures() {
        return keys.getDatabase(new MongoNamespace(namespace).getDatabaseName()).getCollection("erased_subjects");
    }

    private MongoCollection<Document> keyCollection() {
        MongoNamespace ns = new MongoNamespace(namespace);
        return keys.getDatabase(ns.getDatabaseName()).getCollection(ns.getCollectionName());
    }

    private ClientEncryption newEncryption() {
        return ClientEncryptions.create(ClientEncryptionSettings.builder()
                .keyVaultMongoClientSettings(vaultClient)
                .keyVaultNamespace(namespace)
                .kmsProviders(Map.of(LOCAL, Map.of("key", masterKey)))
                .keyExpiration(Math.max(1, keyCache.toMillis()), TimeUnit.MILLISECONDS)
                .build());
    }

    @Override
    public Optional<String> seal(String subject, String plaintext) {
        return sealValue(subject, new BsonString(plaintext)).map(KeyVault::encode);
    }

    @Override
    public Optional<String> open(String sealed) {
        return openValue(Base64.getDecoder().decode(sealed)).map(value -> value.asString().getValue());
    }

    @Override
    public Optional<byte[]> sealBytes(String subject, byte[] plaintext) {
        return sealValue(subject, new BsonBinary(plaintext)).map(BsonBinary::getData);
    }

    @Override
    public Optional<byte[]> openBytes(byte[] sealed) {
        return openValue(sealed).map(value -> value.asBinary().getData());
    }

    private Optional<BsonBinary> sealValue(String subject, BsonValue plaintext) {
        use.readLock().lock();
        try {
            return sealUsing(subject, plaintext);
        } finally {
            use.readLock().unlock();
        }
    }

    private Optional<BsonBinary> sealUsing(String subject, BsonValue plaintext) {
        if (erasedSubjects.contains(subject)) {
            return Optional.empty();
        }
        BsonBinary keyId = keyIds.computeIfAbsent(subject, this::keyOf);
        if (keyId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(encryption.encrypt(plaintext, new EncryptOptions(ALGORITHM).keyId(keyId)));
        } catch (MongoException e) {
            if (!gone(e)) {
                throw e;
            }
            // another process erased the subject after this one cached its key
            keyIds.remove(subject);
            return sealUsing(subject, plaintext);
        }
    }

    private Optional<BsonValue> openValue(byte[] sealed) {
        use.readLock().lock();
        try {
            return Optional.of(encryption.decrypt(new BsonBinary(BsonBinarySubType.ENCRYPTED, sealed)));
        } catch (MongoException e) {
            if (gone(e)) {
                return Optional.empty();
            }
            throw e;
        } finally {
            use.readLock().unlock();
        }
    }

    @Override
    public String blindIndex(String value) {
        try {
            Mac mac = Mac.getInstance(INDEX_MAC);
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Destroys the subject's key: everything encrypted with it is unreadable from now on, and nothing of the subject is
     * encrypted again (a tombstone, written first, says so to every process). False if there was no key.
     */
    public boolean erase(String subject) {
        // the client is replaced and the old one closed: nobody may be encrypting or decrypting with it meanwhile
        // (libmongocrypt's context of a closed client is freed memory)
        use.writeLock().lock();
        try {
            return eraseUsing(subject);
        } finally {
            use.writeLock().unlock();
        }
    }

    private boolean eraseUsing(String subject) {
        erasures().updateOne(Filters.eq("_id", subject), Updates.setOnInsert("erasedAt", new Date()),
                new UpdateOptions().upsert(true));
        erasedSubjects.add(subject);
        BsonDocument key = encryption.getKeyByAltName(subject);
        keyIds.remove(subject);
        if (key == null) {
            return false;
        }
        encryption.deleteKey(key.getBinary("_id"));
        // this process's driver still holds the key in its cache: a new client forgets it now
        ClientEncryption old = encryption;
        encryption = newEncryption();
        old.close();
        return true;
    }

    /** Whether the subject has a key (its data are readable). */
    public boolean holdsKeyOf(String subject) {
        use.readLock().lock();
        try {
            return encryption.getKeyByAltName(subject) != null;
        } finally {
            use.readLock().unlock();
        }
    }

    /** Whether the subject's data were destroyed. */
    public boolean erased(String subject) {
        if (erasedSubjects.contains(subject)) {
            return true;
        }
        if (erasures().find(Filters.eq("_id", subject)).first() != null) {
            erasedSubjects.add(subject);
            return true;
        }
        return false;
    }

    /** The subject's key id, created on first use; null for an erased subject. */
    private BsonBinary keyOf(String subject) {
        BsonDocument existing = encryption.getKeyByAltName(subject);
        if (existing != null) {
            return existing.getBinary("_id");
        }
        if (erased(subject)) {
            return null;
        }
        try {
            return encryption.createDataKey(LOCAL, new DataKeyOptions().keyAltNames(List.of(subject)));
        } catch (MongoException e) {
            BsonDocument raced = encryption.getKeyByAltName(subject);
            if (raced == null) {
                throw e;
            }
            return raced.getBinary("_id");
        }
    }

    /** The blind index's own key, derived from the master key so that no second secret must be kept. */
    private static SecretKeySpec indexKey(byte[] masterKey) {
        try {
            Mac mac = Mac.getInstance(INDEX_MAC);
            mac.init(new SecretKeySpec(masterKey, INDEX_MAC));
            return new SecretKeySpec(mac.doFinal("training-platform blind index v1".getBytes(StandardCharsets.UTF_8)),
                    INDEX_MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean gone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(KEY_GONE)) {
                return true;
            }
        }
        return false;
    }

    private static String encode(BsonBinary ciphertext) {
        return Base64.getEncoder().encodeToString(ciphertext.getData());
    }

    @Override
    public void close() {
        use.writeLock().lock();
        try {
            encryption.close();
        } finally {
            use.writeLock().unlock();
        }
        keys.close();
    }
}
