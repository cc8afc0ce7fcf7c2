package ru.fioco.training.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * {@code ce_time} keeps its seconds at a whole minute: a strict RFC 3339 parser (SmallRye's CloudEvents
 * helper, for one) failed a whole channel on "2026-11-23T12:04Z", found when an event fell on 12:04:00.000.
 */
class CloudEventsTest {

    @Test
    void timeAlwaysHasSecondsAndParsesStrictly() {
        String whole = CloudEvents.time(Instant.parse("2026-11-23T12:04:00Z"));
        assertThat(whole).isEqualTo("2026-11-23T12:04:00Z");
        assertThat(ZonedDateTime.parse(whole).toInstant()).isEqualTo(Instant.parse("2026-11-23T12:04:00Z"));
        assertThat(CloudEvents.time(Instant.parse("2026-11-23T12:04:05.123Z"))).isEqualTo("2026-11-23T12:04:05.123Z");
    }

    @Test
    void aHeaderIsReadAsUtf8TheLastOneWinsAndAMissingOneIsNull() {
        Headers headers = new RecordHeaders();
        headers.add(CloudEvents.SUBJECT, CloudEvents.bytes("первая"));
        headers.add(CloudEvents.SUBJECT, CloudEvents.bytes("заявка-42"));
        headers.add(CloudEvents.ACTOR, null);

        assertThat(CloudEvents.header(headers, CloudEvents.SUBJECT)).isEqualTo("заявка-42");
        assertThat(CloudEvents.header(headers, CloudEvents.ACTOR)).isNull();
        assertThat(CloudEvents.header(headers, CloudEvents.ID)).isNull();
    }
}
