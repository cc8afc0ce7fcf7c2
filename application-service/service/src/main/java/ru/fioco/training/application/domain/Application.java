package ru.fioco.training.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.domain.ApplicationCommands.ChangeDraft;
import ru.fioco.training.application.domain.ApplicationCommands.CompleteApplication;
import ru.fioco.training.application.domain.ApplicationCommands.DraftApplication;
import ru.fioco.training.application.domain.ApplicationCommands.ReturnForCorrection;
import ru.fioco.training.application.domain.ApplicationCommands.SubmitApplication;
import ru.fioco.training.application.domain.ApplicationCommands.TakeIntoWork;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawApplication;
import ru.fioco.training.application.domain.ApplicationFormRules.Mode;
import ru.fioco.training.application.domain.ApplicationFormRules.Review;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.errors.RuleViolationException;

/**
 * An organisation's application for a training programme («заявка», type «обучение»): drafted and
 * changed by its representatives, submitted (numbered, participants fixed), reviewed by staff, taken
 * into work, completed, or withdrawn with a reason.
 */
public class Application {

    /** Submission is accepted no later than this many working days before the programme starts. */
    public static final int SUBMISSION_WORKING_DAYS_BEFORE_START = 7;
    /** The institute reviews a submitted application within this many working days. */
    public static final int REVIEW_WORKING_DAYS = 3;

    @AggregateIdentifier
    private String applicationId;
    private String organisationInn;
    private ApplicationStatus status;
    private ApplicationForm form;
    private String number;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Application() {
    }

    @CommandHandler
    public Application(DraftApplication command, Clock clock, ProgrammeDirectory programmes) {
        if (command.acting().isStaff() || command.acting().organisationInn() == null) {
            throw new AccessDeniedException("Заявку подаёт представитель организации");
        }
        ProgrammeFacts programme = programmeOf(command.form(), programmes);
        Review review = ApplicationFormRules.review(withParticipantIds(command.form()), command.acting().organisationInn(),
                programme, ProductionCalendar.today(clock), Mode.DRAFT);
        requirePassed(review);
        requireOpen(programme, "programmeId");
        apply(new ApplicationDrafted(command.applicationId(), command.acting().organisationInn(), ApplicationType.TRAINING,
                review.normalised()));
    }

    @CommandHandler
    void handle(ChangeDraft command, Clock clock, ProgrammeDirectory programmes) {
        requireRepresentative(command.acting());
        requireStatus(ApplicationStatus.DRAFT, "изменять можно только черновик");
        Review review = ApplicationFormRules.review(withParticipantIds(command.form()), organisationInn,
                programmeOf(command.form(), programmes), ProductionCalendar.today(clock), Mode.DRAFT);
        requirePassed(review);
        if (number != null && !Objects.equals(review.normalised().programmeId(), form.programmeId())) {
            throw new InvalidInputException("programmeId", "у заявки с номером нельзя сменить программу");
        }
        apply(new ApplicationChanged(applicationId, review.normalised()));
    }

    @CommandHandler
    void handle(SubmitApplication command, ProductionCalendar calendar, Clock clock, SubmissionRegistry registry,
            ProgrammeDirectory programmes) {
        requireRepresentative(command.acting());
        requireStatus(ApplicationStatus.DRAFT, "подать можно только черновик");
        LocalDate today = ProductionCalendar.today(clock);
        ProgrammeFacts programme = programmeOf(form, programmes);
        Review review = ApplicationFormRules.review(form, organisationInn, programme, today, Mode.SUBMISSION);
        requirePassed(review);
        requireOpen(programme, "programmeId");
        checkSubmissionDeadline(programme, calendar, today);
        String assigned = number != null ? number : registry.nextNumber();
        claimProgramme(registry, assigned);
        Deadline reviewDue = calendar.endOfWorkingDaysAfter(today, REVIEW_WORKING_DAYS);
        apply(new ApplicationSubmitted(applicationId, assigned, Instant.now(clock), reviewDue.date(),
                reviewDue.provisional(), review.normalised()));
    }

    @CommandHandler
    void handle(ReturnForCorrection command) {
        requireStaff(command.acting());
        requireStatus(ApplicationStatus.SUBMITTED, "вернуть на доработку можно только поданную заявку");
        apply(new ApplicationReturned(applicationId, requireReason(command.reason())));
    }

    @CommandHandler
    void handle(TakeIntoWork command) {
        requireStaff(command.acting());
        requireStatus(ApplicationStatus.SUBMITTED, "взять в работу можно только поданную заявку");
        apply(new ApplicationTakenIntoWork(applicationId, number, organisationInn, form.programmeId(),
                form.paymentTerms(), form.participants().size()));
    }

    @CommandHandler
    void handle(WithdrawApplication command, SubmissionRegistry registry) {
        if (!command.acting().isStaff()) {
            requireRepresentative(command.acting());
        }
        if (!status.isOpen()) {
            throw new ConflictException("Заявка уже " + status.title() + ": снять её нельзя",
                    Map.of("status", status.name()));
        }
        String reason = requireReason(command.reason());
        registry.release(organisationInn, form.programmeId(), applicationId);
        apply(new ApplicationWithdrawn(applicationId, reason, command.acting().role()));
    }

    @CommandHandler
    void handle(CompleteApplication command) {
        if (status == ApplicationStatus.COMPLETED) {
            return; // the contract's closing may be delivered again
        }
        requireStatus(ApplicationStatus.IN_WORK, "завершить можно только заявку в исполнении");
        apply(new ApplicationCompleted(applicationId));
    }

    /**
     * Submission no later than {@value #SUBMISSION_WORKING_DAYS_BEFORE_START} working days before the
     * programme starts, counted on the production calendar in Moscow time; the whole last day counts.
     */
    static void checkSubmissionDeadline(ProgrammeFacts programme, ProductionCalendar calendar, LocalDate today) {
        Deadline last = calendar.lastDayNoLaterThanWorkingDaysBefore(programme.startDate(),
                SUBMISSION_WORKING_DAYS_BEFORE_START);
        if (today.isAfter(last.date())) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("lastAllowedDate", last.date().toString());
            facts.put("programmeStartDate", programme.startDate().toString());
            facts.put("provisionalCalendar", last.provisional());
            throw new RuleViolationException("submission-deadline", "programmeId",
                    "Заявки принимаются не позднее чем за " + SUBMISSION_WORKING_DAYS_BEFORE_START
                            + " рабочих дней до начала программы: последний день подачи — " + last.date()
                            + (last.provisional() ? " (по предварительному производственному календарю)" : ""),
                    facts);
        }
    }

    /** One open application per organisation per programme; a failed submission gives its claim back. */
    private void claimProgramme(SubmissionRegistry registry, String assigned) {
        try {
            registry.claim(organisationInn, form.programmeId(), applicationId, assigned);
        } catch (SubmissionRegistry.DuplicateApplicationException e) {
            throw new ConflictException("От организации уже подана заявка № " + e.existingNumber()
                    + " на эту программу", Map.of("existingNumber", String.valueOf(e.existingNumber()),
                    "existingApplicationId", e.existingApplicationId()));
        }
        if (CurrentUnitOfWork.isStarted()) {
            String programmeId = form.programmeId();
            CurrentUnitOfWork.get().onRollback(u -> registry.release(organisationInn, programmeId, applicationId));
        }
    }

    /** A representative acts on their own organisation's application only; another's does not exist for them. */
    private void requireRepresentative(ApplicationCommands.Acting acting) {
        if (!acting.represents(organisationInn)) {
            throw new NotFoundException("Заявка не найдена");
        }
    }

    private static void requireStaff(ApplicationCommands.Acting acting) {
        if (!acting.isStaff()) {
            throw new AccessDeniedException("Это действие выполняет сотрудник института");
        }
    }

    private static ProgrammeFacts programmeOf(ApplicationForm form, ProgrammeDirectory programmes) {
        if (form == null || form.programmeId() == null || form.programmeId().isBlank()) {
            return null;
        }
        return programmes.find(form.programmeId().strip()).orElse(null);
    }

    private static void requireOpen(ProgrammeFacts programme, String field) {
        if (programme != null && !programme.open()) {
            throw new RuleViolationException("programme-closed", field, "Приём заявок на программу закрыт", Map.of());
        }
    }

    private void requireStatus(ApplicationStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException(message + " (сейчас: " + status.title() + ")", Map.of("status", status.name()));
        }
    }

    private static void requirePassed(Review review) {
        if (!review.passed()) {
            throw new InvalidInputException(review.violations());
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "укажите причину");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "не длиннее 2000 символов");
        }
        return reason.strip();
    }

    /** Every participant gets a stable id the first time it is saved; documents are filed under it. */
    private static ApplicationForm withParticipantIds(ApplicationForm form) {
        if (form == null) {
            return null;
        }
        List<Participant> participants = new ArrayList<>();
        for (Participant p : form.participants()) {
            participants.add(p == null || (p.participantId() != null && !p.participantId().isBlank()) ? p
                    : new Participant(UUID.randomUUID().toString(), p.surname(), p.name(), p.patronymic(), p.sex(),
                            p.position(), p.birthDate(), p.subject(), p.educationLevel(), p.diplomaSurname(),
                            p.diplomaSeries(), p.diplomaNumber(), p.snils(), p.email()));
        }
        return new ApplicationForm(form.applicant(), form.resultDelivery(), form.viaProcurementPlatform(), form.comment(),
                form.paymentTerms(), form.programmeId(), form.organisation(), form.personalDataConsent(), participants);
    }

    // the status moves as ApplicationStatus.after says, the one vocabulary of the read models and the history too

    @EventSourcingHandler
    void on(ApplicationDrafted event) {
        applicationId = event.applicationId();
        organisationInn = event.organisationInn();
        form = event.form();
        status = ApplicationStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ApplicationChanged event) {
        form = event.form();
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        number = event.number();
        form = event.form();
        status = ApplicationStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ApplicationReturned event) {
        status = ApplicationStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ApplicationTakenIntoWork event) {
        status = ApplicationStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        status = ApplicationStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ApplicationCompleted event) {
        status = ApplicationStatus.after(status, event);
    }
}
