package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version for a process that needs a newer Java than the build's (Keycloak
 * needs 21): {@code KEYCLOAK_JAVA_HOME}, then {@code JAVA_HOME}, then the newest under {@code /usr/lib/jvm}, each
 * judged by its {@code release} file.
 */
final class JavaHomes {

    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    private JavaHomes() {
    }

    static Optional<Path> atLeast(int feature) {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        Optional<Path> named = candidates.stream().filter(home -> version(home) >= feature).findFirst();
        if (named.isPresent()) {
            return named;
        }
        if (!Files.isDirectory(SYSTEM_JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(SYSTEM_JVMS)) {
            return homes.filter(home -> version(home) >= feature && Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparingInt(JavaHomes::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version in {@code <home>/release} ({@code JAVA_VERSION="25.0.1"} gives 25); 0 if unknown. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        String first = version.split("[.+-]")[0];
        try {
            int major = Integer.parseInt(first);
            return major == 1 && version.startsWith("1.") ? Integer.parseInt(version.split("\\.")[1]) : major;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
