package ru.fioco.training.contract.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import ru.fioco.training.contract.domain.ContractCommands.AcceptSignedAct;
import ru.fioco.training.contract.policy.SignedActPolicy;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.platform.api.EventHandlers;

/** The accepted scan of the signed act is the contract's signed act: the originals fall due from it. */
@ApplicationScoped
public class SignedActPolicy {

    @Inject
    CommandGateway commands;

    private final EventHandlers<DocumentEvent, Void> reactions =
            EventHandlers.<DocumentEvent, Void>of(DocumentEvent.class, "contract-service signed act")
                    .handle(DocumentAccepted.class, this::accepted)
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentUploaded.class,
                            DocumentRejected.class, DocumentDownloaded.class, ParticipantDocumentsAccepted.class,
                            ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    public void on(DocumentEvent event) {
        reactions.handle(event, null);
    }

    private void accepted(DocumentAccepted e) {
        if (e.slot() != DocumentSlot.SIGNED_ACT) {
            return;
        }
        try {
            commands.sendAndWait(new AcceptSignedAct(e.applicationId()));
        } catch (AggregateNotFoundException noContract) {
            // an act scan for an application without a contract: nothing to wait for
        }
    }
}
