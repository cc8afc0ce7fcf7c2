package ru.fioco.training.application.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** One step of the timeline. {@code data}: the event's fields, masked for an auditor. */
    public record Step(String service, String type, Instant time, String actor, long sequence, String summary,
            JsonNode data) {
    }

    public record Timeline(String applicationId, Instant asOf, List<Step> steps, StateAsOf state) {
    }

    @Inject
    HistoryLog log;

    public boolean knows(String applicationId) {
        return log.knows(applicationId);
    }

    /**
     * @param asOf    null: everything so far
     * @param masked  for auditors: personal data as initials or «скрыто», confidential fields hidden
     */
    public Timeline of(String applicationId, OffsetDateTime asOf, boolean masked) {
        Instant until = asOf == null ? null : asOf.toInstant();
        List<Step> steps = new ArrayList<>();
        List<Record> events = new ArrayList<>();
        for (HistoryLog.Recorded e : log.of(applicationId, until)) {
            String type = EventCatalogue.shortType(e.type());
            JsonNode payload = EventCatalogue.tree(e.payload());
            Optional<Record> event = EventCatalogue.read(e.type(), payload);
            event.ifPresent(events::add);
            JsonNode data = payload;
            if (masked) {
                // an event this build cannot read: nothing of it is shown
                data = event.<JsonNode>map(r -> PersonalDataMask.mask(payload, r.getClass()))
                        .orElse(TextNode.valueOf(PersonalDataMask.HIDDEN));
            }
            String summary = event.map(r -> Summaries.of(r, masked)).orElse(type);
            steps.add(new Step(e.service(), type, e.time(), masked ? maskActor(e.actor()) : e.actor(), e.sequence(),
                    summary, data));
        }
        return new Timeline(applicationId, until, steps, StateAsOf.fold(events));
    }

    /** An actor is a token subject, often an e-mail address: hidden from auditors, who see that someone acted. */
    private static String maskActor(String actor) {
        if (actor == null) {
            return null;
        }
        return actor.contains("@") ? PersonalDataMask.HIDDEN : actor;
    }
}
