package ru.fioco.training.contract.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.contract.query.DocumentFacts;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.events.EventTypes;

/** What contract-service learns from document-service: the verdicts its conclusion waits for. */
@ApplicationScoped
public class DocumentsTopicListener {

    static final String CONSUMER = "contract-service.documents";
    private static final EventTypes<DocumentEvent> TYPES = EventTypes.ofSealed(DocumentEvent.class, DocumentEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    DocumentFacts facts;

    @Inject
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Incoming("documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, event -> {
            Object e = event.payload();
            if (e instanceof DocumentUploaded u) {
                facts.slotChanged(u.applicationId(), u.participantId(), u.slot(), null);
            } else if (e instanceof DocumentAccepted a) {
                facts.slotChanged(a.applicationId(), a.participantId(), a.slot(), true);
                if (a.slot() == ru.fioco.training.document.api.DocumentSlot.SIGNED_ACT) {
                    try {
                        commands.sendAndWait(new ru.fioco.training.contract.domain.ContractCommands.AcceptSignedAct(a.applicationId()));
                    } catch (org.axonframework.modelling.command.AggregateNotFoundException noContract) {
                        // an act scan for an application without a contract: nothing to wait for
                    }
                }
            } else if (e instanceof DocumentRejected r) {
                facts.slotChanged(r.applicationId(), r.participantId(), r.slot(), false);
            } else if (e instanceof ApplicationDocumentsAccepted all) {
                facts.allAccepted(all.applicationId());
            }
        });
    }
}
