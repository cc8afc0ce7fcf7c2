package ru.fioco.training.application.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.json.EventJson;

/**
 * Pins the JSON of every published event to a golden file: a changed shape fails here, so changing
 * it is a visible, deliberate act (and old events must still read).
 */
class ApplicationEventJsonTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static final Map<String, ApplicationEvent> EXAMPLES = Map.of(
            "ProgrammePublished", new ProgrammePublished("5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93",
                    "Оценивание функциональной грамотности обучающихся", LocalDate.of(2027, 2, 1),
                    LocalDate.of(2027, 2, 12), 36, List.of("Математика", "Читательская грамотность"),
                    new BigDecimal("12000.00")));

    @Test
    void everyEventHasAGoldenExample() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ApplicationEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @Test
    void eventsWriteExactlyTheirGoldenJson() throws IOException {
        for (Map.Entry<String, ApplicationEvent> e : EXAMPLES.entrySet()) {
            JsonNode written = JSON.readTree(JSON.writeValueAsString(e.getValue()));
            assertThat(written).as(e.getKey()).isEqualTo(golden(e.getKey()));
        }
    }

    @Test
    void goldenJsonReadsBackIntoTheSameEvent() throws IOException {
        for (Map.Entry<String, ApplicationEvent> e : EXAMPLES.entrySet()) {
            // from the text, as consumers read it: a JSON tree would normalise 12000.00 to 1.2E+4
            Object read = JSON.readValue(goldenText(e.getKey()), e.getValue().getClass());
            assertThat(read).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    private static JsonNode golden(String name) throws IOException {
        return JSON.readTree(goldenText(name));
    }

    private static String goldenText(String name) throws IOException {
        try (InputStream in = ApplicationEventJsonTest.class.getResourceAsStream("/events/" + name + ".json")) {
            assertThat(in).as("golden file for " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
