package ru.fioco.training.document.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.domain.DocumentCommands.CloseUploads;
import ru.fioco.training.document.domain.DocumentCommands.OpenDocumentFile;
import ru.fioco.training.document.domain.DocumentCommands.ReopenParticipants;
import ru.fioco.training.document.domain.DocumentCommands.UpdateParticipants;
import ru.fioco.training.document.domain.NameChangeRule;

/**
 * The document file follows the application: opened with the draft, its participants following the
 * form (fixed at submission, free again when returned), closed when the application is withdrawn.
 */
@ApplicationScoped
public class ApplicationLifecyclePolicy {

    @Inject
    CommandGateway commands;

    public void on(ApplicationDrafted e) {
        try {
            commands.sendAndWait(new OpenDocumentFile(e.applicationId(), e.organisationInn(), slots(e.form())));
        } catch (AggregateStreamCreationException alreadyOpen) {
            // the event came again: the file exists
        }
    }

    public void on(ApplicationChanged e) {
        commands.sendAndWait(new UpdateParticipants(e.applicationId(), slots(e.form()), false));
    }

    public void on(ApplicationSubmitted e) {
        commands.sendAndWait(new UpdateParticipants(e.applicationId(), slots(e.form()), true));
    }

    public void on(ApplicationReturned e) {
        commands.sendAndWait(new ReopenParticipants(e.applicationId()));
    }

    public void on(ApplicationWithdrawn e) {
        commands.sendAndWait(new CloseUploads(e.applicationId(), e.reason()));
    }

    static List<ParticipantSlots> slots(ApplicationForm form) {
        return form.participants().stream()
                .filter(p -> p != null && p.participantId() != null)
                .map(p -> new ParticipantSlots(p.participantId(), displayName(p),
                        NameChangeRule.required(p.surname(), p.diplomaSurname())))
                .toList();
    }

    private static String displayName(ApplicationForm.Participant p) {
        return String.join(" ", java.util.stream.Stream.of(p.surname(), p.name(), p.patronymic())
                .filter(s -> s != null && !s.isBlank()).toList()) + (p.subject() == null ? "" : " (" + p.subject() + ")");
    }
}
