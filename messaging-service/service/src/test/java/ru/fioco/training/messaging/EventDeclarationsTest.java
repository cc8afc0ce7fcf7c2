package ru.fioco.training.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.testing.EventDeclarations;

/**
 * Every reader of events in messaging-service (topic listeners, projections, policies, folds) declares each event of
 * the sealed interfaces it reads, handled or ignored: built here as the service would build them, without
 * starting anything.
 */
class EventDeclarationsTest {

    @Test
    void everyReaderDeclaresEveryEventItCanReceive() {
        assertThat(EventDeclarations.check("ru.fioco.training.messaging")).contains(EXPECTED_OWNERS);
    }

    @Test
    void aReaderThatLeavesAnEventUndeclaredFailsNamingItselfAndTheEvent() {
        assertThatThrownBy(() -> EventDeclarations.check(List.of(ForgetfulReader.class)))
                .hasMessageContaining("probe reader").hasMessageContaining("Forgotten")
                .hasMessageContaining(ForgetfulReader.class.getName());
    }

    /** A test-only sealed interface with an event added that the reader below never heard of. */
    sealed interface ProbeEvent permits Declared, Forgotten {
    }

    record Declared() implements ProbeEvent {
    }

    record Forgotten() implements ProbeEvent {
    }

    static final class ForgetfulReader {
        final EventHandlers<ProbeEvent, Void> handlers = EventHandlers.<ProbeEvent, Void>of(ProbeEvent.class,
                "probe reader").handle(Declared.class, e -> { }).build();
    }

    static final String[] EXPECTED_OWNERS = {"thread-board", "mail-outbox",
            "messaging-service application facts", "messaging-service contract facts",
            "messaging-service notices: applications", "messaging-service notices: documents",
            "messaging-service notices: contracts", "messaging-service reminders: applications",
            "messaging-service reminders: contracts", "messaging-service upload digest"};
}
