package ru.fioco.training.application.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import ru.fioco.training.platform.json.EventJson;

/**
 * One application's history across the four services: the merged timeline with a readable line per event,
 * masked for auditors, and the state of the application, its documents, contract and thread as of a moment.
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
        List<StateAsOf.Entry> facts = new ArrayList<>();
        for (HistoryLog.Recorded e : log.of(applicationId, until)) {
            String type = EventCatalogue.shortType(e.type());
            JsonNode payload = parse(e.payload());
            facts.add(new StateAsOf.Entry(type, payload));
            JsonNode data = payload;
            if (masked) {
                data = EventCatalogue.classOf(e.type()).map(c -> PersonalDataMask.mask(payload, c))
                        .orElse(TextNode.valueOf(PersonalDataMask.HIDDEN)); // unknown type: nothing of it is shown
            }
            // the line is written from what the reader may see, so a field masked in the data is masked in it too
            steps.add(new Step(e.service(), type, e.time(), masked ? maskActor(e.actor()) : e.actor(), e.sequence(),
                    Summaries.of(type, data), data));
        }
        return new Timeline(applicationId, until, steps, StateAsOf.fold(facts));
    }

    /** An actor is a token subject, often an e-mail address: hidden from auditors, who see that someone acted. */
    private static String maskActor(String actor) {
        if (actor == null) {
            return null;
        }
        return actor.contains("@") ? PersonalDataMask.HIDDEN : actor;
    }

    /** Amounts stay exact (12000.00, not 1.2E+4). */
    private static final ObjectMapper READER = EventJson.mapper().copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }
}
