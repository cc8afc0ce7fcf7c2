package ru.fioco.training.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.testing.EventDeclarations;

/**
 * Every reader of events in application-service (topic listeners, projections, policies, folds) declares each event of
 * the sealed interfaces it reads, handled or ignored: built here as the service would build them, without
 * starting anything.
 */
class EventDeclarationsTest {

    @Test
    void everyReaderDeclaresEveryEventItCanReceive() {
        assertThat(EventDeclarations.check("ru.fioco.training.application")).contains(EXPECTED_OWNERS);
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

    static final String[] EXPECTED_OWNERS = {"application-board", "programme-catalogue",
            "application-service contract steps policy", "history state: applications", "history state: documents",
            "history state: contracts", "history state: threads", "history lines: applications",
            "history lines: threads", "application status", "next steps: applications",
            "next steps: contracts", "history sides: applications", "organisation's history: threads",
            "application-service scan copy"};
}
