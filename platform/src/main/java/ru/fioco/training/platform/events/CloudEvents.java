package ru.fioco.training.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The CloudEvents 1.0 Kafka binding (binary mode): attributes travel as {@code ce_*} headers, the payload as the value. */
public final class CloudEvents {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: the sequence number of the event in its aggregate's stream, for gap checks by consumers. */
    public static final String SEQUENCE = "ce_sequence";
    /** Extension: who caused the event (token subject), for the audit trail. */
    public static final String ACTOR = "ce_actor";

    public static final String SPEC_VERSION_1 = "1.0";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    /**
     * {@code ce_time} as RFC 3339 requires it: always with seconds ({@code OffsetDateTime.toString()} drops
     * them at a whole minute, and a consumer's strict parser then rejects the record).
     */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
