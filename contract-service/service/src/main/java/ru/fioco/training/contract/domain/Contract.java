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
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractStatus;
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
import ru.fioco.training.contract.domain.ContractCommands.Conclude;
import ru.fioco.training.contract.domain.ContractCommands.CorrectParticipant;
import ru.fioco.training.contract.domain.ContractCommands.IssueAct;
import ru.fioco.training.contract.domain.ContractCommands.IssueCertificates;
import ru.fioco.training.contract.domain.ContractCommands.OpenContract;
import ru.fioco.training.contract.domain.ContractCommands.RecordOriginals;
import ru.fioco.training.contract.domain.ContractCommands.RecordPayment;
import ru.fioco.training.contract.domain.ContractCommands.RecordResults;
import ru.fioco.training.contract.domain.ContractCommands.ReviseDrafts;
import ru.fioco.training.contract.domain.ContractCommands.Ship;
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
    /** The paper originals are due this many working days after the signed act's scan is accepted. */
    public static final int ORIGINALS_WORKING_DAYS = 3;
    /** A revised draft's note, as long as any reason or comment on the platform. */
    public static final int MAX_NOTE = 2000;
    /** A payment order's number (six digits in practice; room for a bank's prefix). */
    public static final int MAX_PAYMENT_ORDER_NUMBER = 30;

    static final String ENROLMENT_INSTRUCTIONS = """
            Для зачисления на курс каждому участнику нужно: 1) войти на платформу по адресу курса (при первом \
            входе — зарегистрироваться, указав ФИО и адрес электронной почты, как в заявке); 2) открыть курс и в \
            разделе «Записаться на курс» ввести кодовое слово; 3) по вопросам обучения писать тьютору. Кодовое \
            слово не передавайте лицам, не указанным в заявке.""";

    @AggregateIdentifier
    private String applicationId;
    private ContractTerms terms;
    private int draftVersion;
    private ContractStatus status;
    private BigDecimal invoiced;
    private BigDecimal paid = BigDecimal.ZERO;
    private String actNumber;
    private LocalDate originalsDue;
    private boolean originalsReceived;
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
        if (!status.concluded()) {
            apply(drafts(applicationId, terms.withParticipant(command.participantId(), command.fullName()),
                    draftVersion + 1, paperwork, "Исправлены данные участника"));
        }
    }

    @CommandHandler
    void handle(ReviseDrafts command, Paperwork paperwork) {
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён: проект не меняется");
        }
        if (command.note() != null && command.note().length() > MAX_NOTE) {
            throw new InvalidInputException("note", "не длиннее " + MAX_NOTE + " символов");
        }
        apply(drafts(applicationId, terms, draftVersion + 1, paperwork, command.note()));
    }

    @CommandHandler
    void handle(Conclude command, ProductionCalendar calendar, Clock clock, Paperwork paperwork, Numbering numbering,
            DocumentStatus documents) {
        if (status.concluded()) {
            throw new ConflictException("Договор уже заключён");
        }
        LocalDate today = ProductionCalendar.today(clock);
        DocumentStatus.Facts facts = documents.of(applicationId);
        requireSignedScansAccepted(facts);
        requireAllDocumentsAccepted(facts);
        requireConclusionInTime(calendar, today);
        apply(new ContractConcluded(applicationId, today));
        apply(new CourseAccessGranted(applicationId, terms.courseUrl(), EnrolmentKey.generate(), terms.tutorName(),
                terms.tutorEmail(), ENROLMENT_INSTRUCTIONS));
        if (terms.prepayment()) {
            issueInvoice(paperwork, numbering, today);
        }
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
    }

    @CommandHandler
    void handle(IssueAct command, Clock clock, Paperwork paperwork, Numbering numbering) {
        requireConcluded();
        if (actNumber != null) {
            throw new ConflictException("Акт уже выставлен: " + actNumber);
        }
        LocalDate today = ProductionCalendar.today(clock);
        if (!today.isAfter(terms.programmeEnd())) {
            throw new RuleViolationException("act-before-programme-end", "Акт выставляется после окончания программы ("
                    + terms.programmeEnd() + ")");
        }
        String number = numbering.next("АКТ", today.getYear());
        String documentId = paperwork.act(new Paperwork.InvoiceData(number, today, terms.applicationNumber(),
                terms.organisationFullName(), terms.organisationInn(), terms.programmeTitle(), terms.participants().size(),
                terms.pricePerParticipant(), terms.total()));
        apply(new ServiceActIssued(applicationId, number, today, documentId));
        if (!terms.prepayment()) {
            issueInvoice(paperwork, numbering, today);
        }
    }

    @CommandHandler
    void handle(AcceptSignedAct command, ProductionCalendar calendar, Clock clock) {
        if (actNumber == null || originalsDue != null) {
            return; // no act yet, or already accepted (the verdict came again)
        }
        Deadline due = calendar.endOfWorkingDaysAfter(ProductionCalendar.today(clock), ORIGINALS_WORKING_DAYS);
        apply(new SignedActAccepted(applicationId, due.date(), due.provisional()));
    }

    @CommandHandler
    void handle(RecordOriginals command, Clock clock) {
        if (originalsDue == null) {
            throw new RuleViolationException("originals-before-signed-act", "Скан подписанного акта ещё не принят");
        }
        if (originalsReceived) {
            throw new ConflictException("Оригиналы уже получены");
        }
        LocalDate on = command.receivedOn() == null ? ProductionCalendar.today(clock) : command.receivedOn();
        apply(new OriginalsReceived(applicationId, on));
    }

    @CommandHandler
    void handle(RecordResults command) {
        requireConcluded();
        if (command.passedByParticipant() == null || command.passedByParticipant().isEmpty()) {
            throw new InvalidInputException("results", "нет ни одного результата");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        command.passedByParticipant().forEach((participant, passed) -> {
            if (!participantIds().contains(participant)) {
                wrong.add(new FieldViolation("results." + participant, "нет такого участника в договоре"));
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
        requireConcluded();
        requirePaidForCertificates();
        LocalDate today = ProductionCalendar.today(clock);
        List<ContractTerms.Participant> due = terms.participants().stream()
                .filter(p -> Boolean.TRUE.equals(results.get(p.participantId())) && !certified.contains(p.participantId()))
                .toList();
        if (due.isEmpty()) {
            throw new RuleViolationException("certificates-nobody-due", "Нет прошедших обучение участников без удостоверения");
        }
        for (ContractTerms.Participant p : due) {
            apply(new CertificateIssued(applicationId, p.participantId(), numbering.next("ПК", today.getYear()), today,
                    p.fullName()));
        }
    }

    @CommandHandler
    void handle(Ship command) {
        requireConcluded();
        if (status == ContractStatus.CLOSED) {
            throw new ConflictException("Договор закрыт: всё отправлено");
        }
        if (command.trackingNumber() == null || !command.trackingNumber().strip().matches("[A-Za-zА-Яа-я0-9-]{8,30}")) {
            throw new InvalidInputException("trackingNumber", "трек-номер: 8-30 букв и цифр (например, 80085012345678)");
        }
        boolean everyPassedCertified = results.entrySet().stream()
                .filter(Map.Entry::getValue).allMatch(e -> certified.contains(e.getKey()));
        boolean withCertificates = isPaid() && !certified.isEmpty() && everyPassedCertified;
        apply(new PackageShipped(applicationId, command.trackingNumber().strip(), withCertificates));
        if (isPaid() && everyPassedCertified && results.size() == terms.participants().size()) {
            apply(new ContractClosed(applicationId));
        }
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
        Paperwork.DraftData data = new Paperwork.DraftData(terms.applicationNumber(), terms.paymentTerms(),
                terms.organisationFullName(), terms.organisationInn(), terms.kpp(), terms.bik(), terms.legalAddress(),
                terms.programmeTitle(), terms.programmeStart(), terms.programmeEnd(), terms.hours(),
                terms.participants().stream().map(ContractTerms.Participant::fullName).toList(),
                terms.pricePerParticipant(), terms.total(), version);
        return new ContractDraftsIssued(applicationId, version, paperwork.contractDraft(data), paperwork.consentForm(data),
                note);
    }

    private void issueInvoice(Paperwork paperwork, Numbering numbering, LocalDate today) {
        String number = numbering.next("СЧ", today.getYear());
        String documentId = paperwork.invoice(new Paperwork.InvoiceData(number, today, terms.applicationNumber(),
                terms.organisationFullName(), terms.organisationInn(), terms.programmeTitle(),
                terms.participants().size(), terms.pricePerParticipant(), terms.total()));
        apply(new InvoiceIssued(applicationId, number, terms.total(), today, documentId));
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
    }

    @EventSourcingHandler
    void on(ContractConcluded e) {
        status = ContractStatus.after(status, e);
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
    }

    @EventSourcingHandler
    void on(SignedActAccepted e) {
        status = ContractStatus.after(status, e);
        originalsDue = e.originalsDueDate();
    }

    @EventSourcingHandler
    void on(OriginalsReceived e) {
        status = ContractStatus.after(status, e);
        originalsReceived = true;
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
    }
}
