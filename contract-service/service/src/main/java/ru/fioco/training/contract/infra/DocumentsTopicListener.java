package ru.fioco.training.contract.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.contract.policy.SignedActPolicy;
import ru.fioco.training.contract.query.DocumentFacts;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads document-service's events: each goes to the copy of the verdicts the conclusion waits for (rebuildable
 * from the topic as {@code document-facts}), then to the policy that records an accepted signed act.
 */
@ApplicationScoped
public class DocumentsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "contract-service.documents";
    private static final EventTypes<DocumentEvent> TYPES = EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    DocumentFacts facts;

    @Inject
    SignedActPolicy signedActs;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, facts::copy, event -> signedActs.on(event.payload()));
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, facts::copy);
    }

    @Override
    public Feed feed() {
        return new Feed("document-facts", "documents", CONSUMER, List.of(DocumentFacts.COLLECTION));
    }
}
