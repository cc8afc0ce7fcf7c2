package ru.fioco.training.application.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.query.ScanCopy;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/** Reads document-service's events into the copy of which scans each participant has ({@code document-copy}). */
@ApplicationScoped
public class DocumentsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "application-service.documents";
    private static final EventTypes<DocumentEvent> TYPES = EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ScanCopy scans;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, event -> scans.copy(event.payload()));
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, event -> scans.copy(event.payload()));
    }

    @Override
    public Feed feed() {
        return new Feed("document-copy", "documents", CONSUMER, List.of(ScanCopy.COLLECTION));
    }
}
