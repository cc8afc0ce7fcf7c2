package ru.fioco.training.contract.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.domain.ContractCommands.Conclude;
import ru.fioco.training.contract.domain.ContractCommands.OpenContract;
import ru.fioco.training.contract.domain.ContractCommands.RecordPayment;
import ru.fioco.training.contract.domain.ContractCommands.ReviseDrafts;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;

/**
 * The contract of one application («договор»): drafts, conclusion, course access, invoice and payment.
 * (Act, originals, results, certificates and shipment follow in the next stage of this aggregate.)
 */
public class Contract {

    /** A contract is concluded no later than this many working days before the programme starts. */
    public static final int CONCLUSION_WORKING_DAYS_BEFORE_START = 3;

    static final String ENROLMENT_INSTRUCTIONS = """
            Для зачисления на курс каждому участнику нужно: 1) войти на платформу по адресу курса (при первом \
            входе — зарегистрироваться, указав ФИО и адрес электронной почты, как в заявке); 2) открыть курс и в \
            разделе «Записаться на курс» ввести кодовое слово; 3) по вопросам обучения писать тьютору. Кодовое \
            слово не передавайте лицам, не указанным в заявке.""";

    @AggregateIdentifier
    private String applicationId;
    private ContractTerms terms;
    private int draftVersion;
    private boolean concluded;
    private BigDecimal invoiced;
    private BigDecimal paid = BigDecimal.ZERO;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Contract() {
    }

    @CommandHandler
    public Contract(OpenContract command, Paperwork paperwork) {
        apply(new ContractOpened(command.applicationId(), command.terms(), command.terms().total()));
        // in a creating handler Axon applies the events after the constructor: use the command's terms
        apply(drafts(command.applicationId(), command.terms(), 1, paperwork, null));
    }

    @CommandHandler
    void handle(ReviseDrafts command, Paperwork paperwork) {
        if (concluded) {
            throw new ConflictException("Договор уже заключён: проект не меняется");
        }
        apply(drafts(applicationId, terms, draftVersion + 1, paperwork, command.note()));
    }

    @CommandHandler
    void handle(Conclude command, ProductionCalendar calendar, Clock clock, Paperwork paperwork, Numbering numbering,
            DocumentStatus documents) {
        if (concluded) {
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
        if (invoiced == null) {
            throw new RuleViolationException("payment-without-invoice", "Счёт ещё не выставлен");
        }
        if (command.amount() == null || command.amount().signum() <= 0 || command.amount().stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "сумма в рублях, больше нуля, не больше двух знаков копеек");
        }
        if (command.paymentOrderNumber() == null || command.paymentOrderNumber().isBlank()) {
            throw new InvalidInputException("paymentOrderNumber", "укажите номер платёжного поручения");
        }
        if (command.paidOn() == null) {
            throw new InvalidInputException("paidOn", "укажите дату оплаты");
        }
        BigDecimal total = paid.add(command.amount());
        if (total.compareTo(invoiced) > 0) {
            throw new RuleViolationException("overpayment", "amount", "Сумма больше остатка по счёту: "
                    + invoiced.subtract(paid).toPlainString() + " руб.", Map.of("remaining", invoiced.subtract(paid)));
        }
        apply(new PaymentRecorded(applicationId, command.paymentOrderNumber().strip(), command.paidOn(), command.amount(),
                total, total.compareTo(invoiced) == 0));
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

    /** No later than {@value #CONCLUSION_WORKING_DAYS_BEFORE_START} working days before the programme starts. */
    void requireConclusionInTime(ProductionCalendar calendar, LocalDate today) {
        Deadline last = calendar.lastDayNoLaterThanWorkingDaysBefore(terms.programmeStart(),
                CONCLUSION_WORKING_DAYS_BEFORE_START);
        if (today.isAfter(last.date())) {
            throw new RuleViolationException("conclusion-deadline", null,
                    "Договор заключается не позднее чем за 3 рабочих дня до начала программы: последний день — "
                            + last.date() + (last.provisional() ? " (по предварительному календарю)" : ""),
                    Map.of("lastAllowedDate", last.date().toString(), "provisionalCalendar", last.provisional()));
        }
    }

    private static ContractDraftsIssued drafts(String applicationId, ContractTerms terms, int version,
            Paperwork paperwork, String note) {
        Paperwork.DraftData data = new Paperwork.DraftData(terms.applicationNumber(), terms.paymentTerms(),
                terms.organisationFullName(), terms.organisationInn(), terms.kpp(), terms.bik(), terms.legalAddress(),
                terms.programmeTitle(), terms.programmeStart(), terms.programmeEnd(), terms.hours(),
                terms.participantNames(), terms.pricePerParticipant(), terms.total(), version);
        return new ContractDraftsIssued(applicationId, version, paperwork.contractDraft(data), paperwork.consentForm(data),
                note);
    }

    private void issueInvoice(Paperwork paperwork, Numbering numbering, LocalDate today) {
        String number = numbering.next("СЧ", today.getYear());
        String documentId = paperwork.invoice(new Paperwork.InvoiceData(number, today, terms.applicationNumber(),
                terms.organisationFullName(), terms.organisationInn(), terms.programmeTitle(),
                terms.participantNames().size(), terms.pricePerParticipant(), terms.total()));
        apply(new InvoiceIssued(applicationId, number, terms.total(), today, documentId));
    }

    @EventSourcingHandler
    void on(ContractOpened e) {
        applicationId = e.applicationId();
        terms = e.terms();
    }

    @EventSourcingHandler
    void on(ContractDraftsIssued e) {
        draftVersion = e.version();
    }

    @EventSourcingHandler
    void on(ContractConcluded e) {
        concluded = true;
    }

    @EventSourcingHandler
    void on(InvoiceIssued e) {
        invoiced = e.amount();
    }

    @EventSourcingHandler
    void on(PaymentRecorded e) {
        paid = e.totalPaid();
    }
}
