package ru.fioco.training.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.domain.ApplicationCommands.CompleteApplication;
import ru.fioco.training.application.domain.ApplicationCommands.EndWithTerminatedContract;
import ru.fioco.training.application.domain.ApplicationCommands.LockParticipants;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractProgrammeMoved;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.platform.api.EventHandlers;

/**
 * What the contract's steps mean for the application: a concluded contract locks the participants (no more
 * corrections), a closed one completes the application («выполнена»), a terminated one ends it as withdrawn by the
 * institute (a cancelled one follows a withdrawal: nothing more to do).
 */
@ApplicationScoped
public class ContractStepsPolicy {

    @Inject
    CommandGateway commands;

    private final EventHandlers<ContractEvent, Void> reactions =
            EventHandlers.<ContractEvent, Void>of(ContractEvent.class, "application-service contract steps policy")
                    .handle(ContractConcluded.class, e -> commands.sendAndWait(new LockParticipants(e.applicationId())))
                    .handle(ContractClosed.class, e -> commands.sendAndWait(new CompleteApplication(e.applicationId())))
                    .handle(ContractTerminated.class, e -> commands.sendAndWait(
                            new EndWithTerminatedContract(e.applicationId(), e.reason())))
                    .ignore(ContractChangesRequested.class, ContractCountersigned.class, ContractProgrammeMoved.class)
                    .ignore(ContractCancelled.class, ContractOpened.class, ContractDraftsIssued.class,
                            CourseAccessGranted.class, InvoiceIssued.class, PaymentRecorded.class,
                            ServiceActIssued.class, SignedActAccepted.class, OriginalsReceived.class,
                            TrainingResultRecorded.class, CertificateIssued.class, PackageShipped.class,
                            ContractParticipantCorrected.class)
                    .build();

    public void on(ContractEvent event) {
        reactions.handle(event, null);
    }
}
