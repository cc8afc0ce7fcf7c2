package ru.fioco.training.contract.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractProgrammeMoved;
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.contract.domain.ContractCommands.AcceptSignedAct;
import ru.fioco.training.contract.domain.ContractCommands.CancelContract;
import ru.fioco.training.contract.domain.ContractCommands.Conclude;
import ru.fioco.training.contract.domain.ContractCommands.CorrectParticipant;
import ru.fioco.training.contract.domain.ContractCommands.Countersign;
import ru.fioco.training.contract.domain.ContractCommands.RequestChanges;
import ru.fioco.training.contract.domain.ContractCommands.UploadDraft;
import ru.fioco.training.contract.domain.ContractCommands.IssueAct;
import ru.fioco.training.contract.domain.ContractCommands.IssueCertificates;
import ru.fioco.training.contract.domain.ContractCommands.MoveProgramme;
import ru.fioco.training.contract.domain.ContractCommands.OpenContract;
import ru.fioco.training.contract.domain.ContractCommands.RecordOriginals;
import ru.fioco.training.contract.domain.ContractCommands.RecordPayment;
import ru.fioco.training.contract.domain.ContractCommands.RecordResults;
import ru.fioco.training.contract.domain.ContractCommands.ReviseDrafts;
import ru.fioco.training.contract.domain.ContractCommands.Ship;
import ru.fioco.training.contract.domain.ContractCommands.TerminateContract;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;

/**
 * The contract of one application («договор»): drafts, conclusion, course access, invoice and payment, act,
 * originals, results, certificates (only for who passed, only once paid) and shipment, then closed.
 */
public class Contract {

    /** A contract is concluded no later than this many working days before the programme starts. */
    public static final int CONCLUSION_WORKING_DAYS_BEFORE_START = 3;
    /** The paper originals are due this many working days after the act is issued (l.410). */
    public static final int ORIGINALS_WORKING_DAYS = 3;
    /** A prepayment invoice is due this many working days after it is issued (the contract's clause 3). */
    public static final int PREPAYMENT_WORKING_DAYS = 5;
    /** Payment after the services is due this many working days after the act (the contract's clause 3). */
    public static final int POSTPAYMENT_WORKING_DAYS = 10;
    /** A revised draft's note, as long as any reason or comment on the platform. */
    public static final int MAX_NOTE = 2000;
    /** A printed blank's number: seven digits on the usual forms. */
    public static final long MAX_BLANK_NUMBER = 9_999_999L;
    /** A payment order's number (six digits in practice; room for a bank's prefix). */
    public static final int MAX_PAYMENT_ORDER_NUMBER = 30;

    /** A Russian Post tracking number (14 digits, or 13 characters for international) with room for couriers'. */
    static final String TRACKING_NUMBER = "[A-Za-zА-Яа-я0-9-]{8,30}";
    static final String TRACKING_NUMBER_HINT = "трек-номер: 8-30 букв и цифр (например, 80085012345678)";

    static final String ENROLMENT_INSTRUCTIONS = """
            Для зачисления на курс каждому участнику нужно: 1) войти на платформу по адресу курса (при первом \
            входе — зарегистрироваться, указав ФИО и адрес электронной почты, как в заявке); 2) открыть курс и в \
            разделе «Записаться на курс» ввести кодовое слово; 3) по вопросам обучения писать тьютору. Кодовое \
            слово не передавайте лицам, не указанным в заявке.""";

    @AggregateIdentifier
    private String applicationId;
    private ContractTerms terms;
    private int draftVersion;
    private String consentDocumentId;
    private ContractStatus status;
    private BigDecimal invoiced;
    private BigDecimal paid = BigDecimal.ZERO;
    private LocalDate concludedOn;
    private String actNumber;
    private LocalDate actIssuedOn;
    private LocalDate originalsDue;
    private boolean originalsDueProvisional;
    private boolean signedActAccepted;
    private int actCopies;
    private int contractCopies;
    private boolean originalsShipped;
    private final Set<String> certificatesShipped = new HashSet<>();
    private final Map<String, Boolean> results = new HashMap<>();
    private final Set<String> certified = new HashSet<>();

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Contract() {
    }

    @CommandHandler
    public Contract(OpenContract command, Paperwork paperwork) {
        apply(new ContractOpened(command.applicationId(), command.terms(), command.terms().total()));
        // in a creating handler Axon applies the events after the constructor: use the command's terms
        apply(drafts(command.applicationId(), command.terms(), 1, paperwork, null));
    }

    /**
     * A participant corrected after submission is named anew; before conclusion the drafts are issued again with
     * the corrected list, so what the school signs names the participant rightly.
     */
    @CommandHandler
    void handle(CorrectParticipant command, Paperwork paperwork) {
        boolean known = terms.participants().stream().anyMatch(p -> p.participantId().equals(command.participantId())
                && !p.fullName().equals(command.fullName()));
        if (!known) {
            return; // no such participant, or the name is the same: the correction came again
        }
        apply(new ContractParticipantCorrected(applicationId, command.participantId(), command.fullName()));
        if (!status.concluded() && !status.ended()) {
            apply(drafts(applicationId, terms.withParticipant(command.participantId(), command.fullName()),
                    draftVersion + 1, paperwork, "Исправлены данные участника"));
        }
    }

    @CommandHandler
    void handle(ReviseDrafts command, Paperwork paperwork) {
        requireNotEnded();
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён: проект не меняется");
        }
        if (command.note() != null && command.note().length() > MAX_NOTE) {
            throw new InvalidInputException("note", "не длиннее " + MAX_NOTE + " символов");
        }
        apply(drafts(applicationId, terms, draftVersion + 1, paperwork, command.note()));
    }

    /** The negotiation (l.328): staff answer with an edited contract as the next version; the consent form stays. */
    @CommandHandler
    void handle(UploadDraft command) {
        requireNotEnded();
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён: проект не меняется");
        }
        if (command.note() != null && command.note().length() > MAX_NOTE) {
            throw new InvalidInputException("note", "не длиннее " + MAX_NOTE + " символов");
        }
        apply(new ContractDraftsIssued(applicationId, draftVersion + 1, command.contractDocumentId(), consentDocumentId,
                command.note() == null || command.note().isBlank() ? null : command.note().strip(), true));
    }

    /** The organisation asks for changes to a version it has (usually the latest) until the contract is concluded. */
    @CommandHandler
    void handle(RequestChanges command) {
        requireNotEnded();
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён: проект не меняется");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        if (command.version() == null || command.version() < 1 || command.version() > draftVersion) {
            wrong.add(new FieldViolation("version", "нет такой версии проекта (последняя — " + draftVersion + ")"));
        }
        if (command.comment() == null || command.comment().isBlank()) {
            wrong.add(new FieldViolation("comment", "напишите, что изменить в договоре"));
        } else if (command.comment().length() > MAX_NOTE) {
            wrong.add(new FieldViolation("comment", "не длиннее " + MAX_NOTE + " символов"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        apply(new ContractChangesRequested(applicationId, command.version(), command.comment().strip()));
    }

    /** The contract signed by both sides (l.398), once concluded; a later upload replaces a wrong one. */
    @CommandHandler
    void handle(Countersign command) {
        requireNotEnded();
        requireConcluded();
        apply(new ContractCountersigned(applicationId, command.documentId(), command.fileName()));
    }

    @CommandHandler
    void handle(Conclude command, ProductionCalendar calendar, Clock clock, Paperwork paperwork, Numbering numbering,
            DocumentStatus documents, CourseCatalogue courses) {
        requireNotEnded();
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён");
        }
        LocalDate today = ProductionCalendar.today(clock);
        CourseCatalogue.Course course = currentCourse(courses);
        followProgramme(course, calendar, today); // a change the copy has and the contract missed comes first
        DocumentStatus.Facts facts = documents.of(applicationId);
        requireSignedScansAccepted(facts);
        requireAllDocumentsAccepted(facts);
        requireConclusionInTime(calendar, today);
        apply(new ContractConcluded(applicationId, today, draftVersion)); // the version agreed and signed
        CourseAccessGranted.Tutor first = course.tutors().isEmpty() ? null : course.tutors().get(0);
        apply(new CourseAccessGranted(applicationId, course.url(), EnrolmentKey.generate(),
                first == null ? null : first.name(), first == null ? null : first.email(), ENROLMENT_INSTRUCTIONS,
                course.tutors()));
        if (terms.prepayment()) {
            issueInvoice(paperwork, numbering, calendar, today, PREPAYMENT_WORKING_DAYS);
        }
    }

    /** The programme's dates changed: the contract follows them and says what the move breaks, if anything. */
    @CommandHandler
    void handle(MoveProgramme command, ProductionCalendar calendar, Clock clock) {
        if (status.ended() || status == ContractStatus.CLOSED) {
            return; // nothing is due under it any more
        }
        move(command.start(), command.end(), calendar, ProductionCalendar.today(clock));
    }

    private void followProgramme(CourseCatalogue.Course course, ProductionCalendar calendar, LocalDate today) {
        if (course.start() != null && course.end() != null) {
            move(course.start(), course.end(), calendar, today);
        }
    }

    private void move(LocalDate start, LocalDate end, ProductionCalendar calendar, LocalDate today) {
        if (start.equals(terms.programmeStart()) && end.equals(terms.programmeEnd())) {
            return; // the same dates (the change was to something else, or came again)
        }
        apply(new ContractProgrammeMoved(applicationId, start, end, conflictOfMove(start, end, calendar, today)));
    }

    /** What moving the programme to these dates breaks for this contract, in staff's words; null when nothing. */
    private String conflictOfMove(LocalDate start, LocalDate end, ProductionCalendar calendar, LocalDate today) {
        if (!status.concluded()) {
            try {
                Deadline last = calendar.lastDayNoLaterThanWorkingDaysBefore(start, CONCLUSION_WORKING_DAYS_BEFORE_START);
                if (today.isAfter(last.date())) {
                    return "По новым датам программы срок заключения договора прошёл (последний день — " + last.date()
                            + "): договор не заключить без переноса курса для этой организации";
                }
            } catch (IllegalArgumentException outsideTheCalendar) {
                return "Новая дата начала программы " + start + " вне производственного календаря";
            }
            return null;
        }
        if (actNumber != null && !actIssuedOn.isAfter(end)) {
            return "Акт " + actNumber + " выставлен " + actIssuedOn + ", а программа теперь заканчивается " + end
                    + ": акт выставлен до окончания обучения";
        }
        if (actNumber == null && start.isBefore(today) && terms.programmeStart().isAfter(today)) {
            return "Курс перенесён на уже прошедшую дату " + start + " после заключения договора";
        }
        return null;
    }

    /**
     * The programme's course as it is now (the programme may have got its address after the contract opened);
     * without an address the participants have nothing to enrol in, so the contract is not concluded yet.
     */
    private CourseCatalogue.Course currentCourse(CourseCatalogue courses) {
        CourseCatalogue.Course course = courses.of(terms.programmeId()).orElseGet(() -> new CourseCatalogue.Course(
                terms.courseUrl(), terms.tutorName() == null ? List.of()
                        : List.of(new CourseAccessGranted.Tutor(terms.tutorName(), terms.tutorEmail()))));
        if (course.url() == null || course.url().isBlank()) {
            throw new RuleViolationException("access-without-course", "lmsCourseUrl", "У программы «"
                    + terms.programmeTitle() + "» не указан адрес курса на портале обучения: укажите его в программе, "
                    + "и тогда заключайте договор — с заключением участники получают доступ к курсу",
                    Map.of("programmeId", terms.programmeId()));
        }
        return course;
    }

    @CommandHandler
    void handle(RecordPayment command) {
        if (command.amount() == null || command.amount().signum() <= 0 || command.amount().stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "сумма в рублях, больше нуля, не больше двух знаков копеек");
        }
        if (command.paymentOrderNumber() == null || command.paymentOrderNumber().isBlank()) {
            throw new InvalidInputException("paymentOrderNumber", "укажите номер платёжного поручения");
        }
        if (command.paymentOrderNumber().strip().length() > MAX_PAYMENT_ORDER_NUMBER) {
            throw new InvalidInputException("paymentOrderNumber", "не длиннее " + MAX_PAYMENT_ORDER_NUMBER + " символов");
        }
        if (command.paidOn() == null) {
            throw new InvalidInputException("paidOn", "укажите дату оплаты");
        }
        if (status == ContractStatus.CANCELLED) {
            throw cancelled();
        }
        if (invoiced == null) {
            throw new RuleViolationException("payment-without-invoice", "Счёт ещё не выставлен");
        }
        BigDecimal total = paid.add(command.amount());
        if (total.compareTo(invoiced) > 0) {
            throw new RuleViolationException("overpayment", "amount", "Сумма больше остатка по счёту: "
                    + invoiced.subtract(paid).toPlainString() + " руб.", Map.of("remaining", invoiced.subtract(paid)));
        }
        apply(new PaymentRecorded(applicationId, command.paymentOrderNumber().strip(), command.paidOn(), command.amount(),
                total, total.compareTo(invoiced) == 0));
        if (originalsShipped && isPaid() && nothingLeftToSend() && status != ContractStatus.TERMINATED) {
            apply(new ContractClosed(applicationId)); // the money came after the package: nobody to certify
        }
    }

    @CommandHandler
    void handle(IssueAct command, ProductionCalendar calendar, Clock clock, Paperwork paperwork, Numbering numbering,
            CourseCatalogue courses) {
        requireNotEnded();
        requireConcluded();
        if (actNumber == null) {
            courses.of(terms.programmeId()).ifPresent(course -> followProgramme(course, calendar,
                    ProductionCalendar.today(clock)));
        }
        if (actNumber != null) {
            throw new ConflictException("Акт уже выставлен: " + actNumber);
        }
        LocalDate today = ProductionCalendar.today(clock);
        if (!today.isAfter(terms.programmeEnd())) {
            throw new RuleViolationException("act-before-programme-end", "Акт выставляется после окончания программы ("
                    + terms.programmeEnd() + ")");
        }
        String number = numbering.next("АКТ", today.getYear());
        String documentId = paperwork.act(Paperwork.InvoiceData.of(applicationId, number, today, terms, null));
        // the originals are due from the act, so a slow review of the signed scan does not move the school's deadline
        Deadline originals = calendar.endOfWorkingDaysAfter(today, ORIGINALS_WORKING_DAYS);
        apply(new ServiceActIssued(applicationId, number, today, documentId, originals.date(), originals.provisional()));
        if (!terms.prepayment()) {
            issueInvoice(paperwork, numbering, calendar, today, POSTPAYMENT_WORKING_DAYS);
        }
    }

    /** A signed act's scan accepted before the act exists is a scan of nothing: it starts nothing. */
    @CommandHandler
    void handle(AcceptSignedAct command, ProductionCalendar calendar, Clock clock) {
        if (actNumber == null || signedActAccepted || status.ended()) {
            return; // no act yet, already accepted (the verdict came again), or the contract ended
        }
        if (originalsDue == null) { // an act issued before the due date counted from it
            Deadline due = calendar.endOfWorkingDaysAfter(ProductionCalendar.today(clock), ORIGINALS_WORKING_DAYS);
            apply(new SignedActAccepted(applicationId, due.date(), due.provisional()));
        } else {
            apply(new SignedActAccepted(applicationId, originalsDue, originalsDueProvisional));
        }
    }

    @CommandHandler
    void handle(RecordOriginals command, Clock clock) {
        requireNotEnded();
        if (actNumber == null) {
            throw new RuleViolationException("originals-before-act", "Акт ещё не выставлен: оригиналы акта и договора "
                    + "школа отправляет после него");
        }
        if (originalsComplete()) {
            throw new ConflictException("Оригиналы уже получены");
        }
        LocalDate today = ProductionCalendar.today(clock);
        LocalDate on = command.receivedOn() == null ? today : command.receivedOn();
        boolean wholeSet = command.actCopies() == null && command.contractCopies() == null;
        int act = wholeSet ? OriginalsReceived.ORIGINAL_COPIES - actCopies : orZero(command.actCopies());
        int contract = wholeSet ? OriginalsReceived.ORIGINAL_COPIES - contractCopies : orZero(command.contractCopies());
        List<FieldViolation> wrong = new ArrayList<>();
        if (on.isAfter(today)) {
            wrong.add(new FieldViolation("receivedOn", "дата получения не может быть в будущем"));
        }
        copies(wrong, "actCopies", act, actCopies, "акта");
        copies(wrong, "contractCopies", contract, contractCopies, "договора");
        if (act + contract == 0 && wrong.isEmpty()) {
            wrong.add(new FieldViolation("actCopies", "укажите, сколько экземпляров акта и договора пришло"));
        }
        String tracking = command.trackingNumber() == null || command.trackingNumber().isBlank() ? null
                : command.trackingNumber().strip();
        if (tracking != null && !tracking.matches(TRACKING_NUMBER)) {
            wrong.add(new FieldViolation("trackingNumber", TRACKING_NUMBER_HINT));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        boolean complete = actCopies + act >= OriginalsReceived.ORIGINAL_COPIES
                && contractCopies + contract >= OriginalsReceived.ORIGINAL_COPIES;
        apply(new OriginalsReceived(applicationId, on, act, contract, tracking, complete));
    }

    private static void copies(List<FieldViolation> wrong, String field, int arrived, int before, String what) {
        if (arrived < 0) {
            wrong.add(new FieldViolation(field, "число экземпляров не может быть отрицательным"));
        } else if (before + arrived > OriginalsReceived.ORIGINAL_COPIES) {
            wrong.add(new FieldViolation(field, "экземпляров " + what + " всего " + OriginalsReceived.ORIGINAL_COPIES
                    + ", уже получено " + before));
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private boolean originalsComplete() {
        return actCopies >= OriginalsReceived.ORIGINAL_COPIES && contractCopies >= OriginalsReceived.ORIGINAL_COPIES;
    }

    /** The application was withdrawn: before conclusion the contract is cancelled and nothing follows it. */
    @CommandHandler
    void handle(CancelContract command, Clock clock) {
        if (status.ended()) {
            return; // cancelled or terminated already: the withdrawal came again, or followed a termination
        }
        if (status.concluded()) {
            // application-service refuses withdrawal once it knows of the conclusion; this one crossed it in flight
            throw ConflictException.ofRule("withdrawal-after-conclusion", null, "Договор уже заключён: заявка снята "
                    + "после заключения, договор нужно расторгнуть", Map.of());
        }
        apply(new ContractCancelled(applicationId, ProductionCalendar.today(clock),
                command.reason() == null || command.reason().isBlank() ? "заявка снята" : command.reason()));
    }

    /** «Расторжение»: a concluded contract ends before it is fulfilled; the school owes for what was given. */
    @CommandHandler
    void handle(TerminateContract command, Clock clock) {
        if (status == ContractStatus.CANCELLED) {
            throw cancelled();
        }
        if (status == ContractStatus.TERMINATED) {
            throw new ConflictException("Договор уже расторгнут");
        }
        if (!status.concluded()) {
            throw new RuleViolationException("termination-before-conclusion", "Договор ещё не заключён: расторгать "
                    + "нечего — если школа отказалась, снимите заявку, и договор будет отменён");
        }
        if (status == ContractStatus.CLOSED) {
            throw new ConflictException("Договор исполнен и закрыт: расторгать нечего");
        }
        LocalDate today = ProductionCalendar.today(clock);
        LocalDate on = command.terminatedOn() == null ? today : command.terminatedOn();
        List<FieldViolation> wrong = new ArrayList<>();
        if (command.reason() == null || command.reason().isBlank()) {
            wrong.add(new FieldViolation("reason", "укажите основание расторжения"));
        } else if (command.reason().length() > MAX_NOTE) {
            wrong.add(new FieldViolation("reason", "не длиннее " + MAX_NOTE + " символов"));
        }
        if (on.isAfter(today)) {
            wrong.add(new FieldViolation("terminatedOn", "дата расторжения не может быть в будущем"));
        } else if (concludedOn != null && on.isBefore(concludedOn)) {
            wrong.add(new FieldViolation("terminatedOn", "дата расторжения раньше заключения договора (" + concludedOn + ")"));
        }
        BigDecimal owed = command.amountOwed();
        if (owed == null || owed.signum() < 0 || owed.stripTrailingZeros().scale() > 2) {
            wrong.add(new FieldViolation("amountOwed", "сумма за оказанные услуги в рублях: ноль или больше, "
                    + "не больше двух знаков копеек"));
        } else if (owed.compareTo(terms.total()) > 0) {
            wrong.add(new FieldViolation("amountOwed", "больше цены договора (" + terms.total().toPlainString() + " руб.)"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        apply(new ContractTerminated(applicationId, on, command.reason().strip(), owed));
    }

    @CommandHandler
    void handle(RecordResults command) {
        requireNotEnded();
        requireConcluded();
        if (command.passedByParticipant() == null || command.passedByParticipant().isEmpty()) {
            throw new InvalidInputException("results", "нет ни одного результата");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        command.passedByParticipant().forEach((participant, passed) -> {
            if (!participantIds().contains(participant)) {
                wrong.add(new FieldViolation("results." + participant, "нет такого участника в договоре"));
            } else if (passed == null) {
                wrong.add(new FieldViolation("results." + participant, "укажите true (освоил программу) или false"));
            } else if (certified.contains(participant) && !Boolean.TRUE.equals(passed)) {
                wrong.add(new FieldViolation("results." + participant, "удостоверение уже выдано"));
            }
        });
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        command.passedByParticipant().forEach((participant, passed) -> {
            if (!passed.equals(results.get(participant))) {
                apply(new TrainingResultRecorded(applicationId, participant, passed));
            }
        });
    }

    @CommandHandler
    void handle(IssueCertificates command, Clock clock, Numbering numbering) {
        requireNotEnded();
        requireConcluded();
        requirePaidForCertificates();
        LocalDate today = ProductionCalendar.today(clock);
        List<ContractTerms.Participant> due = terms.participants().stream()
                .filter(p -> Boolean.TRUE.equals(results.get(p.participantId())) && !certified.contains(p.participantId()))
                .toList();
        if (due.isEmpty()) {
            throw new RuleViolationException("certificates-nobody-due", "Нет прошедших обучение участников без удостоверения");
        }
        boolean blanks = command.blankSeries() != null || command.firstBlankNumber() != null;
        if (blanks) {
            List<FieldViolation> wrong = new ArrayList<>();
            if (command.blankSeries() == null || !command.blankSeries().strip().matches("[0-9А-ЯA-Z]{1,10}")) {
                wrong.add(new FieldViolation("blankSeries", "серия бланка: до 10 цифр или заглавных букв, например 772400"));
            }
            if (command.firstBlankNumber() == null || command.firstBlankNumber() < 1
                    || command.firstBlankNumber() > MAX_BLANK_NUMBER - due.size()) {
                wrong.add(new FieldViolation("firstBlankNumber", "номер первого бланка: от 1 до " + MAX_BLANK_NUMBER));
            }
            if (!wrong.isEmpty()) {
                throw new InvalidInputException(wrong);
            }
        }
        for (int i = 0; i < due.size(); i++) {
            ContractTerms.Participant p = due.get(i);
            apply(new CertificateIssued(applicationId, p.participantId(), numbering.next("ПК", today.getYear()), today,
                    p.personName(), blanks ? command.blankSeries().strip() : null,
                    blanks ? String.format("%07d", command.firstBlankNumber() + i) : null));
        }
    }

    @CommandHandler
    void handle(Ship command) {
        requireNotEnded();
        requireConcluded();
        if (status == ContractStatus.CLOSED) {
            throw new ConflictException("Договор закрыт: всё отправлено");
        }
        if (command.trackingNumber() == null || !command.trackingNumber().strip().matches(TRACKING_NUMBER)) {
            throw new InvalidInputException("trackingNumber", TRACKING_NUMBER_HINT);
        }
        if (actNumber == null) {
            throw new RuleViolationException("shipment-before-act", "Акт ещё не выставлен: отправлять нечего");
        }
        if (!originalsComplete()) {
            throw new RuleViolationException("shipment-before-originals", (String) null, "Оригиналы от школы получены не все "
                    + "(акт: " + actCopies + " из 2, договор: " + contractCopies + " из 2): пакет отправляется после них",
                    Map.of("actCopies", actCopies, "contractCopies", contractCopies));
        }
        List<PackageShipped.Item> items = new ArrayList<>();
        if (!originalsShipped) {
            items.addAll(List.of(PackageShipped.Item.CONTRACT, PackageShipped.Item.ACT));
            if (invoiced != null) {
                items.add(PackageShipped.Item.INVOICE);
            }
        }
        boolean newCertificates = certified.stream().anyMatch(p -> !certificatesShipped.contains(p));
        if (newCertificates) {
            items.add(PackageShipped.Item.CERTIFICATES);
        }
        if (items.isEmpty()) {
            throw new ConflictException(isPaid() ? "Всё уже отправлено: новых удостоверений нет"
                    : "Оригиналы уже отправлены; удостоверения — после оплаты договора");
        }
        apply(new PackageShipped(applicationId, command.trackingNumber().strip(), newCertificates, items));
        if (isPaid() && nothingLeftToSend()) {
            apply(new ContractClosed(applicationId));
        }
    }

    /** Every participant has a result, and everyone who passed has a certificate that went out. */
    private boolean nothingLeftToSend() {
        boolean everyPassedCertified = results.entrySet().stream()
                .filter(Map.Entry::getValue).allMatch(e -> certified.contains(e.getKey()));
        return everyPassedCertified && certificatesShipped.containsAll(certified)
                && results.size() == terms.participants().size();
    }

    /** Certificates only once the contract is paid in full (the seed: unpaid originals go without them). */
    void requirePaidForCertificates() {
        if (!isPaid()) {
            throw new RuleViolationException("certificates-unpaid", "Удостоверения выдаются после полной оплаты договора");
        }
    }

    private boolean isPaid() {
        return invoiced != null && paid.compareTo(invoiced) >= 0;
    }

    private void requireNotEnded() {
        if (status == ContractStatus.CANCELLED) {
            throw cancelled();
        }
        if (status == ContractStatus.TERMINATED) {
            throw ConflictException.ofRule("contract-terminated", null, "Договор расторгнут: по нему больше ничего "
                    + "не выполняется", Map.of());
        }
    }

    private static ConflictException cancelled() {
        return ConflictException.ofRule("contract-cancelled", null, "Договор отменён: заявка снята до его заключения",
                Map.of());
    }

    private void requireConcluded() {
        if (!status.concluded()) {
            throw new RuleViolationException("not-concluded", "Договор ещё не заключён");
        }
    }

    private Set<String> participantIds() {
        return terms.participants().stream().map(ContractTerms.Participant::participantId)
                .collect(Collectors.toSet());
    }

    /** The signed contract and the signed consent form are uploaded and accepted. */
    static void requireSignedScansAccepted(DocumentStatus.Facts facts) {
        if (!facts.signedContractAccepted()) {
            throw new RuleViolationException("conclusion-signed-contract", "Нет принятого скана подписанного договора");
        }
        if (!facts.signedConsentAccepted()) {
            throw new RuleViolationException("conclusion-signed-consent",
                    "Нет принятого скана подписанного согласия на обработку персональных данных");
        }
    }

    /** Every document of every participant is accepted. */
    static void requireAllDocumentsAccepted(DocumentStatus.Facts facts) {
        if (!facts.allDocumentsAccepted()) {
            throw new RuleViolationException("conclusion-documents",
                    "Не все документы участников приняты: договор заключается после проверки всех документов");
        }
    }

    /**
     * No later than {@value #CONCLUSION_WORKING_DAYS_BEFORE_START} working days before the programme starts; the
     * refusal names the programme's start (the date the deadline is counted from) and the last day it allowed.
     */
    void requireConclusionInTime(ProductionCalendar calendar, LocalDate today) {
        Deadline last;
        try {
            last = calendar.lastDayNoLaterThanWorkingDaysBefore(terms.programmeStart(), CONCLUSION_WORKING_DAYS_BEFORE_START);
        } catch (IllegalArgumentException outsideTheCalendar) {
            throw new RuleViolationException("calendar-coverage", "programmeStartDate", "Срок заключения не рассчитать: "
                    + "дата начала программы " + terms.programmeStart() + " вне производственного календаря (с "
                    + calendar.firstKnownYear() + " года)", Map.of("programmeStartDate", terms.programmeStart().toString(),
                    "firstCalendarYear", calendar.firstKnownYear()));
        }
        if (today.isAfter(last.date())) {
            throw new RuleViolationException("conclusion-deadline", "programmeStartDate",
                    "Договор заключается не позднее чем за 3 рабочих дня до начала программы (" + terms.programmeStart()
                            + "): последний день был " + last.date()
                            + (last.provisional() ? " (по предварительному календарю)" : ""),
                    Map.of("lastAllowedDate", last.date().toString(), "programmeStartDate",
                            terms.programmeStart().toString(), "provisionalCalendar", last.provisional()));
        }
    }

    private static ContractDraftsIssued drafts(String applicationId, ContractTerms terms, int version,
            Paperwork paperwork, String note) {
        Paperwork.DraftData data = new Paperwork.DraftData(applicationId, terms.applicationNumber(), terms.paymentTerms(),
                terms.organisationFullName(), terms.organisationInn(), terms.kpp(), terms.bik(), terms.legalAddress(),
                terms.programmeTitle(), terms.programmeStart(), terms.programmeEnd(), terms.hours(),
                terms.participants(), terms.pricePerParticipant(), terms.total(), version, terms.payer());
        return new ContractDraftsIssued(applicationId, version, paperwork.contractDraft(data), paperwork.consentForm(data),
                note);
    }

    private void issueInvoice(Paperwork paperwork, Numbering numbering, ProductionCalendar calendar, LocalDate today,
            int workingDaysToPay) {
        String number = numbering.next("СЧ", today.getYear());
        Deadline due = calendar.endOfWorkingDaysAfter(today, workingDaysToPay);
        String documentId = paperwork.invoice(Paperwork.InvoiceData.of(applicationId, number, today, terms, due.date()));
        apply(new InvoiceIssued(applicationId, number, terms.total(), today, documentId, due.date(), due.provisional()));
    }

    // the status moves as ContractStatus.after says, the one vocabulary of the read model and the history too

    @EventSourcingHandler
    void on(ContractOpened e) {
        status = ContractStatus.after(status, e);
        applicationId = e.applicationId();
        terms = e.terms();
    }

    @EventSourcingHandler
    void on(ContractParticipantCorrected e) {
        status = ContractStatus.after(status, e);
        terms = terms.withParticipant(e.participantId(), e.fullName());
    }

    @EventSourcingHandler
    void on(ContractDraftsIssued e) {
        status = ContractStatus.after(status, e);
        draftVersion = e.version();
        consentDocumentId = e.consentDocumentId();
    }

    @EventSourcingHandler
    void on(ContractConcluded e) {
        status = ContractStatus.after(status, e);
        concludedOn = e.concludedOn();
    }

    @EventSourcingHandler
    void on(InvoiceIssued e) {
        status = ContractStatus.after(status, e);
        invoiced = e.amount();
    }

    @EventSourcingHandler
    void on(PaymentRecorded e) {
        status = ContractStatus.after(status, e);
        paid = e.totalPaid();
    }

    @EventSourcingHandler
    void on(ServiceActIssued e) {
        status = ContractStatus.after(status, e);
        actNumber = e.actNumber();
        actIssuedOn = e.issuedOn();
        originalsDue = e.originalsDueDate();
        originalsDueProvisional = e.originalsDueProvisional();
    }

    @EventSourcingHandler
    void on(SignedActAccepted e) {
        status = ContractStatus.after(status, e);
        signedActAccepted = true;
        originalsDue = e.originalsDueDate();
    }

    @EventSourcingHandler
    void on(OriginalsReceived e) {
        status = ContractStatus.after(status, e);
        actCopies += e.actCopiesOrAll();
        contractCopies += e.contractCopiesOrAll();
    }

    @EventSourcingHandler
    void on(TrainingResultRecorded e) {
        status = ContractStatus.after(status, e);
        results.put(e.participantId(), e.passed());
    }

    @EventSourcingHandler
    void on(CertificateIssued e) {
        status = ContractStatus.after(status, e);
        certified.add(e.participantId());
    }

    @EventSourcingHandler
    void on(ContractClosed e) {
        status = ContractStatus.after(status, e);
    }

    @EventSourcingHandler
    void on(PackageShipped e) {
        status = ContractStatus.after(status, e);
        originalsShipped = true;
        if (e.withCertificates()) {
            certificatesShipped.addAll(certified);
        }
    }

    @EventSourcingHandler
    void on(ContractProgrammeMoved e) {
        status = ContractStatus.after(status, e);
        terms = terms.withDates(e.programmeStart(), e.programmeEnd());
    }

    @EventSourcingHandler
    void on(ContractCancelled e) {
        status = ContractStatus.after(status, e);
    }

    @EventSourcingHandler
    void on(ContractTerminated e) {
        status = ContractStatus.after(status, e);
    }
}
