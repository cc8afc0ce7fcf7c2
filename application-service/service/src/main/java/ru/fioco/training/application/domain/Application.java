package ru.fioco.training.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
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
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.application.api.ConsentWithdrawn;
import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.domain.ApplicationCommands.ChangeDraft;
import ru.fioco.training.application.domain.ApplicationCommands.CompleteApplication;
import ru.fioco.training.application.domain.ApplicationCommands.CorrectParticipant;
import ru.fioco.training.application.domain.ApplicationCommands.DraftApplication;
import ru.fioco.training.application.domain.ApplicationCommands.EndWithTerminatedContract;
import ru.fioco.training.application.domain.ApplicationCommands.ErasePersonalData;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawConsent;
import ru.fioco.training.application.domain.ApplicationCommands.LockParticipants;
import ru.fioco.training.application.domain.ApplicationCommands.ReturnForCorrection;
import ru.fioco.training.application.domain.ApplicationCommands.SubmitApplication;
import ru.fioco.training.application.domain.ApplicationCommands.TakeIntoWork;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawApplication;
import ru.fioco.training.application.domain.ApplicationFormRules.Mode;
import ru.fioco.training.application.domain.ApplicationFormRules.Review;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
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
    private boolean participantsLocked;
    /** Who drafted it (the event's actor): the only one who may change it while their link awaits confirmation. */
    private String drafter;
    /** Whose data were destroyed: the keys' names. */
    private final Set<String> erased = new HashSet<>();
    /** The participants whose consent was withdrawn. */
    private final Set<String> consentWithdrawn = new HashSet<>();
    /** The Moscow day of the first submission: consents are given with it. */
    private LocalDate submittedOn;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Application() {
    }

    @CommandHandler
    public Application(DraftApplication command, Clock clock, ProgrammeDirectory programmes) {
        if (command.acting().isStaff() || command.acting().organisationInn() == null) {
            throw new AccessDeniedException("Заявку подаёт представитель организации");
        }
        ProgrammeFacts programme = programmeOf(command.form(), programmes);
        ParticipantIds ids = ParticipantIds.assign(command.form(), List.of());
        Review review = ApplicationFormRules.review(ids.form(), command.acting().organisationInn(), programme,
                ProductionCalendar.today(clock), Mode.DRAFT);
        requirePassed(review, ids.violations());
        requireOpen(programme, "programmeId");
        apply(new ApplicationDrafted(command.applicationId(), command.acting().organisationInn(), ApplicationType.TRAINING,
                review.normalised()));
    }

    @CommandHandler
    void handle(ChangeDraft command, Clock clock, ProgrammeDirectory programmes) {
        requireRepresentativeOrDrafter(command.acting());
        requireStatus(ApplicationStatus.DRAFT, "изменять можно только черновик");
        ParticipantIds ids = ParticipantIds.assign(command.form(), form.participants());
        Review review = ApplicationFormRules.review(ids.form(), organisationInn, programmeOf(command.form(), programmes),
                ProductionCalendar.today(clock), Mode.DRAFT);
        requirePassed(review, ids.violations());
        if (number != null && !Objects.equals(review.normalised().programmeId(), form.programmeId())) {
            throw new InvalidInputException("programmeId", "у заявки с номером нельзя сменить программу");
        }
        apply(new ApplicationChanged(applicationId, review.normalised()));
    }

    @CommandHandler
    void handle(SubmitApplication command, ProductionCalendar calendar, Clock clock, SubmissionRegistry registry,
            ProgrammeDirectory programmes, UploadedScans scans) {
        requireRepresentativeOrDrafter(command.acting());
        if (!command.acting().confirmed()) {
            throw new AccessDeniedException("Институт ещё не подтвердил, что вы представляете эту организацию: "
                    + "заявку можно отправить после подтверждения");
        }
        requireStatus(ApplicationStatus.DRAFT, "подать можно только черновик");
        LocalDate today = ProductionCalendar.today(clock);
        ProgrammeFacts programme = programmeOf(form, programmes);
        Review review = ApplicationFormRules.review(form, organisationInn, programme, today, Mode.SUBMISSION);
        requirePassed(review, missingScans(scans.of(applicationId)));
        requireOpen(programme, "programmeId");
        checkSubmissionDeadline(programme, calendar, today);
        String assigned = number != null ? number : registry.nextNumber();
        claimProgramme(registry, assigned);
        Deadline reviewDue = calendar.endOfWorkingDaysAfter(today, REVIEW_WORKING_DAYS);
        apply(new ApplicationSubmitted(applicationId, assigned, Instant.now(clock), reviewDue.date(),
                reviewDue.provisional(), review.normalised(), PersonalDataAgreement.PARTICIPANT_CONSENT_VERSION));
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
        if (participantsLocked) {
            throw ConflictException.ofRule("withdrawal-after-conclusion", null, "Договор уже заключён: снять заявку "
                    + "нельзя. Если обучение не нужно, напишите институту — договор расторгают по соглашению сторон",
                    Map.of("status", status.name()));
        }
        String reason = requireReason(command.reason());
        registry.release(organisationInn, form.programmeId(), applicationId);
        apply(new ApplicationWithdrawn(applicationId, reason, command.acting().role()));
    }

    /**
     * Staff record a participant's withdrawal of consent (152-FZ art. 9 part 2) on the day it reached the institute: a
     * consent is given with the submission, so a draft has none to withdraw; the day is neither before the submission
     * nor in the future; each consent once. The data are to be destroyed within 30 days (art. 21 part 5).
     */
    @CommandHandler
    void handle(WithdrawConsent command, Clock clock) {
        requireStaff(command.acting());
        if (command.receivedOn() == null) {
            throw new InvalidInputException("receivedOn", "укажите дату получения отзыва согласия");
        }
        if (command.participantId() == null || indexOf(command.participantId()) < 0) {
            throw new InvalidInputException("participantId", "в заявке нет такого участника");
        }
        if (submittedOn == null) {
            throw ConflictException.ofRule("consent-not-given", null, "Заявка ещё не подана: согласие участников "
                    + "подтверждается при подаче, отзывать пока нечего", Map.of("status", status.name()));
        }
        LocalDate today = ProductionCalendar.today(clock);
        if (command.receivedOn().isAfter(today)) {
            throw new InvalidInputException("receivedOn", "дата получения отзыва не может быть в будущем");
        }
        if (command.receivedOn().isBefore(submittedOn)) {
            throw new InvalidInputException("receivedOn", "отзыв не мог поступить раньше подачи заявки ("
                    + submittedOn + ")");
        }
        if (consentWithdrawn.contains(command.participantId())) {
            throw ConflictException.ofRule("consent-already-withdrawn", "participantId",
                    "Отзыв согласия этого участника уже записан", Map.of());
        }
        if (erased.contains("participant:" + command.participantId())) {
            throw ConflictException.ofRule("already-erased", "participantId", "Данные этого участника уже уничтожены",
                    Map.of());
        }
        apply(new ConsentWithdrawn(applicationId, command.participantId(), command.receivedOn(),
                command.receivedOn().plusDays(PersonalDataAgreement.DAYS_TO_ERASE_AFTER_WITHDRAWAL),
                command.recordedBy(), Instant.now(clock)));
    }

    /**
     * Staff (or the retention pass) destroy a person's personal data (152-FZ art. 21): only once the application has
     * ended (completed or withdrawn), since a live application and its contract still process them; each person once.
     */
    @CommandHandler
    void handle(ErasePersonalData command, Clock clock) {
        requireStaff(command.acting());
        if (command.basis() == null) {
            throw new InvalidInputException("basis", "укажите основание уничтожения");
        }
        if (command.subject() == null) {
            throw new InvalidInputException("subject", "укажите, чьи данные уничтожить: участника или контактного лица");
        }
        if (command.subject() == PersonalDataErased.ErasureSubject.PARTICIPANT) {
            if (command.participantId() == null || form.participants().stream()
                    .noneMatch(p -> p != null && command.participantId().equals(p.participantId()))) {
                throw new InvalidInputException("participantId", "в заявке нет такого участника");
            }
        } else if (command.participantId() != null) {
            throw new InvalidInputException("participantId", "участника указывают, только когда уничтожают его данные");
        }
        String key = command.subject().keyName(applicationId, command.participantId());
        if (status != ApplicationStatus.COMPLETED && status != ApplicationStatus.WITHDRAWN) {
            throw ConflictException.ofRule("erasure-while-active", null, "Заявка ещё исполняется («" + status.title()
                    + "»): персональные данные уничтожают после её завершения или снятия. Если субъект отозвал "
                    + "согласие, сначала снимите заявку или расторгните договор", Map.of("status", status.name()));
        }
        if (erased.contains(key)) {
            throw ConflictException.ofRule("already-erased", null, "Данные этого лица уже уничтожены", Map.of());
        }
        apply(new PersonalDataErased(applicationId, command.erasureId(), command.subject(), command.participantId(),
                command.basis(), command.erasedBy(), Instant.now(clock)));
    }

    @CommandHandler
    void handle(EndWithTerminatedContract command, SubmissionRegistry registry) {
        if (!status.isOpen()) {
            return; // the termination came again
        }
        registry.release(organisationInn, form.programmeId(), applicationId);
        apply(new ApplicationWithdrawn(applicationId, "Договор расторгнут: " + command.reason(), "staff"));
    }

    /**
     * The representative corrects a participant's data after submission (Рис. 5б «изменить … сохранить»), until
     * the contract is concluded; adding or removing participants is a return for correction, by staff.
     */
    @CommandHandler
    void handle(CorrectParticipant command, Clock clock, ProgrammeDirectory programmes) {
        requireRepresentative(command.acting());
        if (status != ApplicationStatus.SUBMITTED && status != ApplicationStatus.IN_WORK) {
            throw new ConflictException("Исправлять данные участников можно в поданной заявке; черновик изменяется "
                    + "целиком (сейчас: " + status.title() + ")", Map.of("status", status.name()));
        }
        requireParticipantsOpen();
        int index = indexOf(command.participantId());
        if (index < 0) {
            throw new NotFoundException("Участник не найден в заявке");
        }
        if (command.data() == null) {
            throw new InvalidInputException("body", "нужны данные участника");
        }
        Participant before = form.participants().get(index);
        Review review = ApplicationFormRules.participant(command.data().withId(before.participantId()), "",
                programmeOf(form, programmes), ProductionCalendar.today(clock));
        List<FieldViolation> problems = new ArrayList<>(review.violations());
        Participant after = review.participant();
        if (after.subject() != null && !after.subject().equalsIgnoreCase(before.subject())) {
            problems.add(new FieldViolation("subject",
                    "предмет не исправляется: другой предмет — это другой участник; попросите институт вернуть заявку"));
        }
        for (int i = 0; i < form.participants().size(); i++) {
            Participant other = form.participants().get(i);
            if (i != index && Objects.equals(other.snils(), after.snils())
                    && Objects.equals(other.subject(), before.subject())) {
                problems.add(new FieldViolation("snils", "участник с этим СНИЛС уже записан на этот предмет в заявке"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> changed = ParticipantIds.changedFields(before, after);
        if (!changed.isEmpty()) {
            apply(new ParticipantCorrected(applicationId, before.participantId(), before, after, changed));
        }
    }

    @CommandHandler
    void handle(LockParticipants command) {
        if (!participantsLocked) {
            apply(new ParticipantsLocked(applicationId));
        }
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
        Deadline last;
        try {
            last = calendar.lastDayNoLaterThanWorkingDaysBefore(programme.startDate(), SUBMISSION_WORKING_DAYS_BEFORE_START);
        } catch (IllegalArgumentException outsideTheCalendar) {
            throw new RuleViolationException("calendar-coverage", "programmeId", "Срок подачи не рассчитать: дата начала "
                    + "программы " + programme.startDate() + " вне производственного календаря (с "
                    + calendar.firstKnownYear() + " года)", Map.of("programmeStartDate", programme.startDate().toString(),
                    "firstCalendarYear", calendar.firstKnownYear()));
        }
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
            throw new ConflictException("programmeId", "От организации уже подана заявка № " + e.existingNumber()
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

    /** The organisation's representative, or the one who drafted it while their link awaits confirmation. */
    private void requireRepresentativeOrDrafter(ApplicationCommands.Acting acting) {
        if (!acting.represents(organisationInn) && !acting.drafted(organisationInn, drafter)) {
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

    private static void requirePassed(Review review, List<FieldViolation> more) {
        List<FieldViolation> all = new ArrayList<>(review.violations());
        all.addAll(more);
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
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

    /** The required scans each participant lacks, named by participant and slot ({@code participants[1].documents.SNILS}). */
    private List<FieldViolation> missingScans(Map<String, Set<DocumentSlot>> uploaded) {
        List<FieldViolation> missing = new ArrayList<>();
        for (int i = 0; i < form.participants().size(); i++) {
            Participant p = form.participants().get(i);
            if (p == null) {
                continue;
            }
            Set<DocumentSlot> has = uploaded.getOrDefault(p.participantId(), Set.of());
            for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(p.nameChangeRequired())) {
                if (!has.contains(slot)) {
                    missing.add(new FieldViolation("participants[" + i + "].documents." + slot.name(),
                            "загрузите скан: " + slot.title() + " (" + p.shortName() + ")"));
                }
            }
        }
        return missing;
    }

    private void requireParticipantsOpen() {
        if (participantsLocked) {
            throw ConflictException.ofRule("participants-locked", "participantId",
                    "Договор заключён: данные и документы участников больше не меняются", Map.of());
        }
    }

    private int indexOf(String participantId) {
        for (int i = 0; i < form.participants().size(); i++) {
            Participant p = form.participants().get(i);
            if (p != null && p.participantId().equals(participantId)) {
                return i;
            }
        }
        return -1;
    }

    @EventSourcingHandler
    void on(ApplicationDrafted event, @MetaDataValue(EventStoreSetup.ACTOR) String actor) {
        drafter = actor;
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
        if (submittedOn == null) {
            submittedOn = event.submittedAt().atZone(ProductionCalendar.MOSCOW).toLocalDate();
        }
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
    void on(ParticipantCorrected event) {
        List<Participant> participants = new ArrayList<>(form.participants());
        participants.replaceAll(p -> p != null && p.participantId().equals(event.participantId()) ? event.after() : p);
        form = new ApplicationForm(form.applicant(), form.resultDelivery(), form.viaProcurementPlatform(), form.comment(),
                form.paymentTerms(), form.programmeId(), form.organisation(), form.personalDataConsent(), participants);
    }

    @EventSourcingHandler
    void on(ParticipantsLocked event) {
        participantsLocked = true;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased.add(event.keyName());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consentWithdrawn.add(event.participantId());
    }

    @EventSourcingHandler
    void on(ApplicationCompleted event) {
        status = ApplicationStatus.after(status, event);
    }
}
