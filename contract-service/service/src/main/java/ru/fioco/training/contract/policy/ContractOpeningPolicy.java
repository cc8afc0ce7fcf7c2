package ru.fioco.training.contract.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Organisation;
import ru.fioco.training.application.api.ApplicationForm.Participant;
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
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.domain.ContractCommands.CancelContract;
import ru.fioco.training.contract.domain.ContractCommands.CorrectParticipant;
import ru.fioco.training.contract.domain.ContractCommands.MoveProgramme;
import ru.fioco.training.contract.domain.ContractCommands.OpenContract;
import ru.fioco.training.contract.query.ApplicationCopy;
import ru.fioco.training.contract.query.ContractBoard;
import ru.fioco.training.contract.query.ProgrammeTerms;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.errors.ConflictException;

/** An application taken into work gets its contract, with the first drafts; a withdrawn one's is cancelled. */
@ApplicationScoped
public class ContractOpeningPolicy {

    private static final Logger LOG = Logger.getLogger(ContractOpeningPolicy.class);

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationCopy applications;

    @Inject
    ProgrammeTerms programmes;

    @Inject
    ContractBoard contracts;

    @Inject
    PendingOpenings pending;

    private final EventHandlers<ApplicationEvent, Void> reactions =
            EventHandlers.<ApplicationEvent, Void>of(ApplicationEvent.class, "contract-service contract opening")
                    .handle(ApplicationTakenIntoWork.class, this::open)
                    .handle(ParticipantCorrected.class, this::corrected)
                    .handle(ApplicationWithdrawn.class, this::withdrawn)
                    .handle(ProgrammeChanged.class, e -> {
                        programmeChanged(e);
                        openWaiting(e.programmeId());
                    })
                    .handle(ProgrammePublished.class, e -> openWaiting(e.programmeId()))
                    .ignore(ProgrammeClosed.class,
                            ApplicationDrafted.class, ApplicationChanged.class, ApplicationSubmitted.class,
                            ApplicationReturned.class, ApplicationCompleted.class, ParticipantsLocked.class,
                            PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    public void on(ApplicationEvent event) {
        reactions.handle(event, null);
    }

    /** The contract names a corrected participant anew; one not opened yet will open from the corrected copy. */
    private void corrected(ParticipantCorrected e) {
        try {
            commands.sendAndWait(new CorrectParticipant(e.applicationId(), e.participantId(), e.after().fullName()));
        } catch (AggregateNotFoundException notInWorkYet) {
            // no contract yet: it opens from the copy of the form, which has the correction
        }
    }

    /**
     * The programme's dates changed: every running contract of it follows (a contract the board does not show yet
     * follows at its conclusion or act, which read the programme's current dates).
     */
    private void programmeChanged(ProgrammeChanged e) {
        for (String applicationId : contracts.runningContractsOf(e.programmeId())) {
            commands.sendAndWait(new MoveProgramme(applicationId, e.startDate(), e.endDate()));
        }
    }

    /** A withdrawn application's contract, if it has one and it is not concluded, is cancelled. */
    private void withdrawn(ApplicationWithdrawn e) {
        try {
            commands.sendAndWait(new CancelContract(e.applicationId(), e.reason()));
        } catch (AggregateNotFoundException noContract) {
            // withdrawn before it was taken into work: no contract to cancel
        } catch (ConflictException concluded) {
            // the withdrawal crossed the conclusion in flight: only staff can end a concluded contract (terminate it)
            LOG.errorf("Application %s was withdrawn after its contract was concluded; the contract stays in force "
                    + "until staff terminate it", e.applicationId());
        }
    }

    /** The bank details and signatory, when the form asked them (forms filed before did not). */
    static ContractTerms.Payer payer(ApplicationForm.Organisation o) {
        if (o.ogrn() == null && o.settlementAccount() == null && o.signatory() == null) {
            return null;
        }
        ApplicationForm.Signatory s = o.signatory();
        return new ContractTerms.Payer(o.ogrn(), o.settlementAccount(), o.correspondentAccount(), o.bankName(),
                s == null ? null : s.position(), s == null ? null : s.fullName(), s == null ? null : s.basisInGenitive());
    }

    /** Openings that waited for this programme (its copy is written before the policy runs). */
    private void openWaiting(String programmeId) {
        for (ApplicationTakenIntoWork waiting : pending.waitingFor(programmeId)) {
            open(waiting);
        }
    }

    private void open(ApplicationTakenIntoWork e) {
        // the submission came before on the same partition (else: retried, then dead-lettered); the programme comes on
        // another key: if it is not here yet, the opening waits for it
        ApplicationCopy.Submitted submitted = applications.find(e.applicationId())
                .orElseThrow(() -> new IllegalStateException("submission of " + e.applicationId() + " not known yet"));
        ProgrammeTerms.Terms programme = programmes.find(e.programmeId()).orElse(null);
        if (programme == null) {
            pending.park(e);
            return;
        }
        ApplicationForm form = submitted.form();
        ApplicationForm.Organisation o = form.organisation();
        ContractTerms terms = new ContractTerms(e.number(), e.organisationInn(), o.fullName(), o.kpp(), o.bik(),
                o.legalAddress(), programme.id(), programme.title(), programme.startDate(), programme.endDate(),
                programme.hours(), e.paymentTerms().name(),
                form.participants().stream()
                        .map(p -> new ContractTerms.Participant(p.participantId(), p.fullName(), p.subject())).toList(),
                programme.pricePerParticipant(), programme.lmsCourseUrl(), programme.tutorName(), programme.tutorEmail(),
                payer(o));
        try {
            commands.sendAndWait(new OpenContract(e.applicationId(), terms));
        } catch (AggregateStreamCreationException alreadyOpen) {
            // the event came again: the contract exists
        }
        pending.opened(e.applicationId());
    }
}
