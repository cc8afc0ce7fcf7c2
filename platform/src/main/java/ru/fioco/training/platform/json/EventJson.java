package ru.fioco.training.platform.json;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON shape of events, in the event store and on Kafka: ISO-8601 dates, exact decimals, unknown fields
 * ignored on reading so that adding an optional field stays compatible, and personal data encrypted per person
 * ({@link PersonalDataModule}).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = shape().addModule(new PersonalDataModule()).build();

    /** The same shape with personal data in plaintext: only for showing records already read, never for storing. */
    private static final ObjectMapper PLAIN = shape().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private static JsonMapper.Builder shape() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private EventJson() {
    }

    /** Shared and thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A record read from events as a JSON tree to show (a history): personal data as they read now, in plaintext or
     * «удалено»; amounts exact.
     */
    public static JsonNode plainTree(Object value) {
        return PLAIN.valueToTree(value);
    }

    /** The event shape without personal-data handling: to read stored JSON as it lies. */
    static ObjectMapper plainMapper() {
        return PLAIN;
    }

    /**
     * A writer for a record kept apart from its event (a read model's copy of a form): its personal data are
     * encrypted with the keys of that application's people.
     */
    public static ObjectWriter writerAround(String applicationId) {
        return MAPPER.writer().withAttribute(PersonalDataModule.AROUND, Map.of("applicationId", applicationId));
    }
}
