package ru.fioco.training.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.KeycloakServer;
import ru.fioco.training.devstack.LocalPlatform;

/**
 * One platform with Keycloak and the cabinet for every system test of this JVM that needs sign-in: Keycloak's start
 * (and the realm's) is paid once. Started on first use on free ports with a throw-away data folder; stopped when the
 * JVM ends.
 */
final class KeycloakPlatform {

    private static LocalPlatform platform;
    private static Path dataDir;

    private KeycloakPlatform() {
    }

    static synchronized LocalPlatform shared() {
        if (platform == null) {
            try {
                dataDir = Files.createTempDirectory("keycloak-platform-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
            platform = LocalPlatform.start(root(), dataDir, ports, FreePorts.pick(), FreePorts.pick());
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakPlatform::stop, "keycloak-platform-stop"));
        }
        return platform;
    }

    static KeycloakServer keycloak() {
        return shared().keycloak().orElseThrow();
    }

    /** Where the platform's SMTP server copies every mail (Keycloak's verification links among them). */
    static Path mailDir() {
        shared();
        return dataDir.resolve("mail");
    }

    static Path root() {
        return Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    }

    private static synchronized void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder: the machine cleans it up
        }
    }
}
