package ru.fioco.training.platform.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import ru.fioco.training.platform.json.PersonalText;

/**
 * A fingerprint of a read model's content: SHA-256 over its collections (by name), their documents (by id)
 * and each document's fields in key order at every depth, so that equal content gives equal checksums
 * whatever order the writes happened to leave fields in. Personal data count as they read (plaintext, or «удалено»),
 * not as their ciphertext, which differs at every write.
 */
public final class ReadModelChecksum {

    public record Result(String sha256, long documents) {
    }

    private ReadModelChecksum() {
    }

    public static Result of(MongoDatabase database, List<String> collections) {
        return of(database, collections, Map.of());
    }

    /** The checksum {@code collections} would have with the content of their copies named in {@code readFrom}. */
    public static Result of(MongoDatabase database, List<String> collections, Map<String, String> readFrom) {
        MessageDigest sha = sha256();
        long count = 0;
        for (String name : collections.stream().sorted().toList()) {
            sha.update(("collection " + name + "\n").getBytes(StandardCharsets.UTF_8));
            count += digest(sha, database.getCollection(readFrom.getOrDefault(name, name)));
        }
        return new Result(HexFormat.of().formatHex(sha.digest()), count);
    }

    /** The documents of one collection alone (its name not counted): to compare a copy built elsewhere. */
    public static Result ofDocuments(MongoCollection<Document> collection) {
        MessageDigest sha = sha256();
        long count = digest(sha, collection);
        return new Result(HexFormat.of().formatHex(sha.digest()), count);
    }

    /** Adds the collection's documents, by id, each with its keys sorted at every depth; returns how many. */
    private static long digest(MessageDigest sha, MongoCollection<Document> collection) {
        List<Document> documents = collection.find().into(new ArrayList<>());
        documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
        for (Document d : documents) {
            sha.update(new Document(canonical(d)).toJson().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return documents.size();
    }

    @SuppressWarnings("unchecked")
    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Document(canonical((Map<String, Object>) map));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelChecksum::canonicalValue).toList();
        }
        if (value instanceof String text) {
            // personal data are sealed with a random IV: content is compared as it reads
            return PersonalText.openWithin(text);
        }
        return value;
    }

    private static Map<String, Object> canonical(Map<String, Object> document) {
        Map<String, Object> sorted = new TreeMap<>();
        document.forEach((k, v) -> sorted.put(k, canonicalValue(v)));
        return sorted;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
