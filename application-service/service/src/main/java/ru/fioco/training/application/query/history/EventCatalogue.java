package ru.fioco.training.application.query.history;

import java.util.Map;
import java.util.Optional;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.platform.events.EventTypes;

/** The four services' event types, to find the record (and so its marked fields) behind a {@code ce_type}. */
final class EventCatalogue {

    private static final Map<String, EventTypes<?>> BY_SERVICE = Map.of(
            "application-service", EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX),
            "document-service", EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX),
            "contract-service", EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX),
            "messaging-service", EventTypes.ofSealed(ThreadEvent.class, ThreadEvent.TYPE_PREFIX));

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

    /** The short type: the record's name. */
    static String shortType(String ceType) {
        int dot = ceType.lastIndexOf('.');
        return dot < 0 ? ceType : ceType.substring(dot + 1);
    }
}
