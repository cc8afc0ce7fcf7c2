package ru.fioco.training.document.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.application.api.ConsentWithdrawn;
import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammeClosed;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.domain.DocumentCommands.CloseUploads;
import ru.fioco.training.document.domain.DocumentCommands.CorrectParticipant;
import ru.fioco.training.document.domain.DocumentCommands.LockParticipants;
import ru.fioco.training.document.domain.DocumentCommands.OpenDocumentFile;
import ru.fioco.training.document.domain.DocumentCommands.ReopenParticipants;
import ru.fioco.training.document.domain.DocumentCommands.UpdateParticipants;
import ru.fioco.training.platform.api.EventHandlers;

/**
 * The document file follows the application: opened with the draft, its participants following the
 * form (fixed at submission, free again when returned, renamed by a correction, locked when the contract is
 * concluded), closed when the application is withdrawn.
 */
@ApplicationScoped
public class ApplicationLifecyclePolicy {

    @Inject
    CommandGateway commands;

    private final EventHandlers<ApplicationEvent, Void> reactions =
            EventHandlers.<ApplicationEvent, Void>of(ApplicationEvent.class, "document-service application lifecycle")
                    .handle(ApplicationDrafted.class, this::open)
                    .handle(ApplicationChanged.class, e -> commands.sendAndWait(
                            new UpdateParticipants(e.applicationId(), slots(e.form()), false)))
                    .handle(ApplicationSubmitted.class, e -> commands.sendAndWait(
                            new UpdateParticipants(e.applicationId(), slots(e.form()), true)))
                    .handle(ApplicationReturned.class, e -> commands.sendAndWait(new ReopenParticipants(e.applicationId())))
                    .handle(ApplicationWithdrawn.class, e -> commands.sendAndWait(
                            new CloseUploads(e.applicationId(), e.reason())))
                    .handle(ParticipantCorrected.class, e -> commands.sendAndWait(new CorrectParticipant(
                            e.applicationId(), new ParticipantSlots(e.participantId(), e.after().displayName(),
                                    e.after().nameChangeRequired()))))
                    .handle(ParticipantsLocked.class, e -> commands.sendAndWait(new LockParticipants(e.applicationId())))
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class,
                            ApplicationTakenIntoWork.class, ApplicationCompleted.class, PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    public void on(ApplicationEvent event) {
        reactions.handle(event, null);
    }

    private void open(ApplicationDrafted e) {
        try {
            commands.sendAndWait(new OpenDocumentFile(e.applicationId(), e.organisationInn(), slots(e.form())));
        } catch (AggregateStreamCreationException alreadyOpen) {
            // the event came again: the file exists
        }
    }

    static List<ParticipantSlots> slots(ApplicationForm form) {
        return form.participants().stream()
                .filter(p -> p != null && p.participantId() != null)
                .map(p -> new ParticipantSlots(p.participantId(), p.displayName(),
                        p.nameChangeRequired()))
                .toList();
    }
}
