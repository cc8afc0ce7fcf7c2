package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded stack per test JVM: a Kafka broker, an in-memory Mongo server, an SMTP server and a signing key,
 * started on first use and stopped when the JVM exits. Every test class in the JVM shares it, so
 * nothing is started twice however the tests are grouped.
 */
public final class SharedTestStack {

    private static SharedTestStack instance;

    private final Path workDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedMail mail;
    private final SigningKeys keys;
    private final TokenMinter tokens;

    private SharedTestStack() {
        try {
            workDir = Files.createTempDirectory("devstack-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start(workDir.resolve("kafka"));
        kafka.createTopics(LocalPlatform.TOPICS, LocalPlatform.PARTITIONS);
        mongo = EmbeddedMongo.inMemory();
        mail = EmbeddedMail.start();
        keys = SigningKeys.inDirectory(workDir.resolve("keys"));
        tokens = new TokenMinter(keys);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "devstack-test-shutdown"));
    }

    public static synchronized SharedTestStack get() {
        if (instance == null) {
            instance = new SharedTestStack();
        }
        return instance;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public EmbeddedMail mail() {
        return mail;
    }

    public SigningKeys keys() {
        return keys;
    }

    public TokenMinter tokens() {
        return tokens;
    }

    private void shutdown() {
        try {
            kafka.close();
        } finally {
            mongo.close();
            mail.close();
            deleteQuietly(workDir);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
