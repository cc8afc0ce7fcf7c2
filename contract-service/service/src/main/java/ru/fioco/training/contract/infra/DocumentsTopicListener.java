package ru.fioco.training.contract.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.contract.domain.ContractCommands;
import ru.fioco.training.contract.query.DocumentFacts;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * What contract-service learns from document-service: the verdicts its conclusion waits for (rebuildable from
 * the topic as {@code document-facts}), and the accepted scan of the signed act, which the contract records.
 */
@ApplicationScoped
public class DocumentsTopicListener implements TopicFedReadModel {

    static final String CONSUMER = "contract-service.documents";
    private static final EventTypes<DocumentEvent> TYPES = EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    DocumentFacts facts;

    @Inject
    CommandGateway commands;

    @Incoming("documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, this::copy, this::act);
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, this::copy);
    }

    private void copy(InboundEvent<DocumentEvent> event) {
        Object e = event.payload();
        if (e instanceof DocumentUploaded u) {
            facts.slotChanged(u.applicationId(), u.participantId(), u.slot(), null);
        } else if (e instanceof DocumentAccepted a) {
            facts.slotChanged(a.applicationId(), a.participantId(), a.slot(), true);
        } else if (e instanceof DocumentRejected r) {
            facts.slotChanged(r.applicationId(), r.participantId(), r.slot(), false);
        } else if (e instanceof ApplicationDocumentsAccepted all) {
            facts.allAccepted(all.applicationId());
        }
    }

    private void act(InboundEvent<DocumentEvent> event) {
        if (event.payload() instanceof DocumentAccepted a && a.slot() == DocumentSlot.SIGNED_ACT) {
            try {
                commands.sendAndWait(new ContractCommands.AcceptSignedAct(a.applicationId()));
            } catch (AggregateNotFoundException noContract) {
                // an act scan for an application without a contract: nothing to wait for
            }
        }
    }

    @Override
    public Feed feed() {
        return new Feed("document-facts", "documents", CONSUMER, List.of(DocumentFacts.COLLECTION));
    }
}
