package ru.fioco.training.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.fioco.training.platform.json.EventJson;

/**
 * Pins every event of a service to a golden JSON file ({@code src/test/resources/events/<Name>.json}): a
 * changed shape fails, so changing one is a visible, deliberate act. To approve a new or changed shape run
 * the test with {@code -Dgolden.write=true} and review the diff.
 */
public final class EventGoldenFiles {

    private static final ObjectMapper JSON = EventJson.mapper();

    private EventGoldenFiles() {
    }

    /** Each record the sealed interface permits has an example, every example writes its golden JSON and reads back equal. */
    public static void check(Class<?> sealedInterface, Map<String, ?> examples, Class<?> resourceBase) {
        assertThat(examples.keySet()).as("an example of every event").containsExactlyInAnyOrderElementsOf(
                Arrays.stream(sealedInterface.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        examples.forEach((name, example) -> {
            try {
                String golden = golden(name, example, resourceBase);
                assertThat(JSON.readTree(JSON.writeValueAsString(example))).as(name).isEqualTo(JSON.readTree(golden));
                // from the text, as consumers read it: a JSON tree would normalise 12000.00 to 1.2E+4
                assertThat(JSON.readValue(golden, example.getClass())).as(name).isEqualTo(example);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The text of a golden file, e.g. an older revision of an event that must still read. */
    public static String text(String file, Class<?> resourceBase) {
        try (InputStream in = resourceBase.getResourceAsStream("/events/" + file + ".json")) {
            assertThat(in).as("golden file " + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String golden(String name, Object example, Class<?> resourceBase) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            String approved = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(example) + "\n";
            Path file = Path.of("src/test/resources/events", name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, approved);
            return approved;
        }
        return text(name, resourceBase);
    }
}
