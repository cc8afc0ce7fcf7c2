package ru.fioco.training.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the local Keycloak that need no Keycloak: the realm file's placeholders, passwords, JDK choice. */
class KeycloakSetupTest {

    @Test
    void placeholdersAreFilledAsKeycloaksImportFillsThem() {
        String realm = "{\"host\":\"${KC_SMTP_HOST}\",\"from\":\"${KC_SMTP_FROM:pk@fioco.ru}\",\"user\":\"${KC_SMTP_USER:}\","
                + "\"label\":\"${username}\",\"unset\":\"${KC_OTHER}\"}";
        assertThat(KeycloakServer.fill(realm, Map.of("KC_SMTP_HOST", "127.0.0.1")))
                .isEqualTo("{\"host\":\"127.0.0.1\",\"from\":\"pk@fioco.ru\",\"user\":\"\","
                        + "\"label\":\"${username}\",\"unset\":\"${KC_OTHER}\"}");
        assertThat(KeycloakServer.fill("${KC_X:a$b\\c}", Map.of())).isEqualTo("a$b\\c");
    }

    @Test
    void generatedPasswordsMeetTheRealmsPolicy() {
        for (int i = 0; i < 200; i++) {
            String p = KeycloakServer.password();
            assertThat(p).hasSize(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
        }
    }

    @Test
    void aJdkIsJudgedByItsReleaseFile(@TempDir Path jvms) throws Exception {
        assertThat(JavaHomes.version(home(jvms, "temurin-25", "JAVA_VERSION=\"25.0.1\""))).isEqualTo(25);
        assertThat(JavaHomes.version(home(jvms, "openjdk-17", "JAVA_VERSION=\"17.0.13\""))).isEqualTo(17);
        assertThat(JavaHomes.version(home(jvms, "old", "JAVA_VERSION=\"1.8.0_402\""))).isEqualTo(8);
        assertThat(JavaHomes.version(home(jvms, "ea", "JAVA_VERSION=\"26-ea\""))).isEqualTo(26);
        assertThat(JavaHomes.version(jvms.resolve("missing"))).isZero();
    }

    private static Path home(Path jvms, String name, String release) throws Exception {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), release + "\n");
        return home;
    }
}
