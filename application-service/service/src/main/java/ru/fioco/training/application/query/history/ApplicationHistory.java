package ru.fioco.training.application.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One application's history across the four services: the merged timeline with a readable line per event,
 * masked for auditors, and the state of the application, its documents, contract and thread as of a moment.
 * Events are read back into their records: the line and the state are functions of the typed events.
 */
@ApplicationScoped
public class ApplicationHistory {

    /** Who reads the history: what each may see of it. */
    public enum Reader {
        /** Everything. */
        STAFF,
        /** Everything, with personal data and confidential fields masked. */
        AUDITOR,
        /**
         * The organisation's own application: what happened, when and by which side, without what concerns the
         * institute alone (downloads by staff, notices and read marks of the institute, staff's addresses).
         */
        REPRESENTATIVE
    }

    /**
     * One step of the timeline. {@code side}: who did it (the organisation, the institute or the platform);
     * {@code data}: the event's fields, masked for an auditor.
     */
    public record Step(String service, String type, Instant time, String side, String actor, long sequence,
            String summary, JsonNode data) {
    }

    public record Timeline(String applicationId, Instant asOf, List<Step> steps, StateAsOf state) {
    }

    @Inject
    HistoryLog log;

    public boolean knows(String applicationId) {
        return log.knows(applicationId);
    }

    /** @param asOf null: everything so far */
    public Timeline of(String applicationId, OffsetDateTime asOf, Reader reader) {
        Instant until = asOf == null ? null : asOf.toInstant();
        boolean masked = reader == Reader.AUDITOR;
        List<Step> steps = new ArrayList<>();
        List<Record> events = new ArrayList<>();
        Set<String> organisationsNotices = new HashSet<>();
        for (HistoryLog.Recorded e : log.of(applicationId, until)) {
            String type = EventCatalogue.shortType(e.type());
            JsonNode payload = EventCatalogue.tree(e.payload());
            Optional<Record> event = EventCatalogue.read(e.type(), payload);
            event.ifPresent(events::add);
            if (reader == Reader.REPRESENTATIVE && !(event.isPresent()
                    && ForTheOrganisation.shows(event.get(), organisationsNotices))) {
                continue;
            }
            JsonNode shown = EventCatalogue.shown(payload, event);
            JsonNode data = shown;
            if (masked) {
                // an event this build cannot read: nothing of it is shown
                data = event.<JsonNode>map(r -> PersonalDataMask.mask(shown, r.getClass()))
                        .orElse(TextNode.valueOf(PersonalDataMask.HIDDEN));
            }
            String summary = event.map(r -> Summaries.of(r, masked)).orElse(type);
            String side = event.map(r -> Sides.of(r).name()).orElse(Sides.Party.PLATFORM.name());
            String actor = reader == Reader.STAFF ? e.actor() : masked ? maskActor(e.actor()) : null;
            steps.add(new Step(e.service(), type, e.time(), side, actor, e.sequence(), summary, data));
        }
        return new Timeline(applicationId, until, steps, StateAsOf.fold(events));
    }

    /** The event behind a recorded CloudEvent, read into its record; empty for a type this build does not know. */
    public Optional<Record> event(HistoryLog.Recorded recorded) {
        return EventCatalogue.read(recorded.type(), EventCatalogue.tree(recorded.payload()));
    }

    /** An actor is a token subject, often an e-mail address: hidden from auditors, who see that someone acted. */
    private static String maskActor(String actor) {
        if (actor == null) {
            return null;
        }
        return actor.contains("@") ? PersonalDataMask.HIDDEN : actor;
    }
}
