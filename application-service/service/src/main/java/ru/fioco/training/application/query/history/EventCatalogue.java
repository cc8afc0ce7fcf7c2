package ru.fioco.training.application.query.history;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalText;

/** The four services' event types: the record behind a {@code ce_type}, and the event read back into it. */
final class EventCatalogue {

    private static final Map<String, EventTypes<?>> BY_SERVICE = Map.of(
            "application-service", EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX),
            "document-service", EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX),
            "contract-service", EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX),
            "messaging-service", EventTypes.ofSealed(ThreadEvent.class, ThreadEvent.TYPE_PREFIX));

    /** Amounts stay exact (12000.00, not 1.2E+4). */
    private static final ObjectMapper READER = EventJson.mapper().copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EventCatalogue() {
    }

    /** The record class of a full {@code ce_type}, whichever service published it. */
    static Optional<Class<?>> classOf(String ceType) {
        for (EventTypes<?> types : BY_SERVICE.values()) {
            Optional<? extends Class<?>> found = types.classOf(ceType);
            if (found.isPresent()) {
                return Optional.of(found.get());
            }
        }
        return Optional.empty();
    }

    /** The payload as published, as a JSON tree; text that is not JSON stays text. */
    static JsonNode tree(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            return READER.getNodeFactory().textNode(json);
        }
    }

    /** The event as its record, or empty for a type this build does not know or a payload that does not fit it. */
    static Optional<Record> read(String ceType, JsonNode payload) {
        return classOf(ceType).flatMap(type -> {
            try {
                return Optional.of((Record) READER.treeToValue(payload, type));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * What a reader is shown of an event: the record read back (personal data decrypted, or «удалено» once erased),
     * or, for a type this build cannot read, the payload as published with every encrypted value «скрыто».
     */
    static JsonNode shown(JsonNode payload, Optional<Record> event) {
        if (event.isPresent()) {
            return EventJson.plainTree(event.get());
        }
        return PersonalText.replaceSealed(payload.deepCopy(), sealed -> TextNode.valueOf(PersonalDataMask.HIDDEN));
    }

    /** The short type: the record's name. */
    static String shortType(String ceType) {
        int dot = ceType.lastIndexOf('.');
        return dot < 0 ? ceType : ceType.substring(dot + 1);
    }
}
