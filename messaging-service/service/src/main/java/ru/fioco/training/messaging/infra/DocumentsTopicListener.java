package ru.fioco.training.messaging.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.messaging.policy.NoticePolicy;
import ru.fioco.training.messaging.policy.UploadDigestPolicy;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;

/**
 * Reads document-service's events: an upload is noted for the staff's daily digest, a rejected document is a
 * notice.
 */
@ApplicationScoped
public class DocumentsTopicListener implements InboundListener {

    static final String CONSUMER = "messaging-service.documents";
    private static final EventTypes<DocumentEvent> TYPES = EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    NoticePolicy notices;

    @Inject
    UploadDigestPolicy digest;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, digest::onDocument, notices::onDocument);
    }
}
