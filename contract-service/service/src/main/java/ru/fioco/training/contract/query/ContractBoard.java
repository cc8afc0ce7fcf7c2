package ru.fioco.training.contract.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
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
import ru.fioco.training.contract.api.PaymentState;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.contract.domain.Contract;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/** The contract as the cabinet and staff see it, one document per application, from this service's events. */
@ApplicationScoped
@ProcessingGroup(ContractBoard.PROCESSING_GROUP)
public class ContractBoard implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "contract-board";

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of("contracts");
    }

    /**
     * A draft version: generated or uploaded by staff (an edited DOCX), and what the organisation asked to change in
     * it.
     */
    public record Draft(int version, String contractDocumentId, String consentDocumentId, String note, boolean uploaded,
            List<String> changeRequests) {
        public Draft {
            changeRequests = changeRequests == null ? List.of() : List.copyOf(changeRequests);
        }
    }

    /** The scan of the contract signed by both sides. */
    public record Countersigned(String documentId, String fileName) {
    }

    public record Access(String courseUrl, String enrolmentKey, List<CourseAccessGranted.Tutor> tutors,
            String instructions) {
    }

    /** @param dueDate null for an invoice issued before invoices had a due date */
    public record Invoice(String number, BigDecimal amount, LocalDate issuedOn, String documentId, LocalDate dueDate,
            boolean dueProvisional) {
    }

    public record Payment(String paymentOrderNumber, LocalDate paidOn, BigDecimal amount) {
    }

    public record Act(String number, LocalDate issuedOn, String documentId) {
    }

    /** @param blankSeries null unless issued on a printed blank (then with its number) */
    public record Certificate(String participantId, String registrationNumber, LocalDate issuedOn,
            @PersonalData(subject = "participantId") String holderName,
            String blankSeries, String blankNumber) {
    }

    public record Shipment(String trackingNumber, boolean withCertificates, List<PackageShipped.Item> items) {
    }

    /** An envelope of originals from the school. */
    public record OriginalsArrival(LocalDate receivedOn, int actCopies, int contractCopies, String trackingNumber) {
    }

    /** How the contract ended early: cancelled (withdrawn before conclusion) or terminated by staff. */
    public record Ending(LocalDate on, String reason, BigDecimal amountOwed) {
    }

    /** The contract's view; mutable only while a projection handler builds it. */
    public static final class View {
        public String applicationId;
        public String applicationNumber;
        public String organisationInn;
        public String paymentTerms;
        public BigDecimal totalAmount;
        public ContractStatus status;
        /** The status with how much is paid, as the cabinet writes it: «заключён, не оплачен». */
        public String statusLabel;
        public PaymentState payment = PaymentState.UNPAID;
        public List<Draft> drafts = new ArrayList<>();
        public LocalDate concludedOn;
        /** The draft version agreed and signed; null for contracts concluded before the contract said which. */
        public Integer agreedVersion;
        /** The scan signed by both sides, once staff upload it. */
        public Countersigned countersigned;
        public Access access;
        public Invoice invoice;
        public List<Payment> payments = new ArrayList<>();
        public BigDecimal paid = BigDecimal.ZERO;
        public boolean fullyPaid;
        public Act act;
        public LocalDate originalsDueDate;
        public boolean originalsDueProvisional;
        /** When the last original arrived: null until both the act and the contract are here in two copies. */
        public LocalDate originalsReceivedOn;
        public List<OriginalsArrival> originals = new ArrayList<>();
        public int originalActCopies;
        public int originalContractCopies;
        /** Set when the contract was cancelled or terminated. */
        public Ending ending;
        public Map<String, Boolean> results = new LinkedHashMap<>();
        public List<Certificate> certificates = new ArrayList<>();
        public List<Shipment> shipments = new ArrayList<>();
        public List<ContractTerms.Participant> participants = new ArrayList<>();
        public String programmeId;
        public String programmeTitle;
        /** What the programme's last move broke for this contract, for staff to settle; null when nothing. */
        public String programmeConflict;
        public int hours;
        public LocalDate programmeStart;
        public LocalDate programmeEnd;
        /** Document ids this contract generated: the only files its download serves. */
        public List<String> documentIds = new ArrayList<>();
    }

    @Inject
    ServiceDatabase database;

    @Inject
    ProductionCalendar calendar;

    private MongoCollection<Document> contracts;

    @PostConstruct
    void init() {
        contracts = database.readModel("contracts");
    }

    private final EventHandlers<ContractEvent, Void> projection =
            EventHandlers.<ContractEvent, Void>of(ContractEvent.class, PROCESSING_GROUP)
                    .handle(ContractOpened.class, this::opened)
                    .handle(ContractDraftsIssued.class, e -> update(e, v -> {
                        v.drafts.add(new Draft(e.version(), e.contractDocumentId(), e.consentDocumentId(), e.note(),
                                e.uploaded(), List.of()));
                        v.documentIds.add(e.contractDocumentId());
                        if (!v.documentIds.contains(e.consentDocumentId())) {
                            v.documentIds.add(e.consentDocumentId());
                        }
                    }))
                    .handle(ContractChangesRequested.class, e -> update(e, v -> v.drafts.replaceAll(d -> {
                        if (d.version() != e.version()) {
                            return d;
                        }
                        List<String> requests = new ArrayList<>(d.changeRequests());
                        requests.add(e.comment());
                        return new Draft(d.version(), d.contractDocumentId(), d.consentDocumentId(), d.note(),
                                d.uploaded(), requests);
                    })))
                    .handle(ContractCountersigned.class, e -> update(e, v -> {
                        v.countersigned = new Countersigned(e.documentId(), e.fileName());
                        v.documentIds.add(e.documentId());
                    }))
                    .handle(ContractConcluded.class, e -> update(e, v -> {
                        v.concludedOn = e.concludedOn();
                        v.agreedVersion = e.agreedVersion();
                    }))
                    .handle(CourseAccessGranted.class, e -> update(e, v -> v.access = new Access(e.courseUrl(),
                            e.enrolmentKey(), e.allTutors(), e.instructions())))
                    .handle(InvoiceIssued.class, e -> update(e, v -> {
                        v.invoice = new Invoice(e.invoiceNumber(), e.amount(), e.issuedOn(), e.documentId(),
                                e.dueDate(), e.dueProvisional());
                        v.documentIds.add(e.documentId());
                    }))
                    .handle(PaymentRecorded.class, e -> update(e, v -> {
                        v.payments.add(new Payment(e.paymentOrderNumber(), e.paidOn(), e.amount()));
                        v.paid = e.totalPaid();
                        v.fullyPaid = e.fullyPaid();
                    }))
                    .handle(ServiceActIssued.class, e -> update(e, v -> {
                        v.act = new Act(e.actNumber(), e.issuedOn(), e.documentId());
                        v.documentIds.add(e.documentId());
                        if (e.originalsDueDate() != null) {
                            v.originalsDueDate = e.originalsDueDate();
                            v.originalsDueProvisional = e.originalsDueProvisional();
                        }
                    }))
                    .handle(SignedActAccepted.class, e -> update(e, v -> {
                        if (v.originalsDueDate == null) { // an act issued before the due date counted from it
                            v.originalsDueDate = e.originalsDueDate();
                            v.originalsDueProvisional = e.dueDateProvisional();
                        }
                    }))
                    .handle(OriginalsReceived.class, e -> update(e, v -> {
                        v.originals.add(new OriginalsArrival(e.receivedOn(), e.actCopiesOrAll(), e.contractCopiesOrAll(),
                                e.trackingNumber()));
                        v.originalActCopies += e.actCopiesOrAll();
                        v.originalContractCopies += e.contractCopiesOrAll();
                        if (e.completesTheSet()) {
                            v.originalsReceivedOn = e.receivedOn();
                        }
                    }))
                    .handle(TrainingResultRecorded.class, e -> update(e, v -> v.results.put(e.participantId(), e.passed())))
                    .handle(CertificateIssued.class, e -> update(e, v -> v.certificates.add(new Certificate(
                            e.participantId(), e.registrationNumber(), e.issuedOn(), e.holderName(), e.blankSeries(),
                            e.blankNumber()))))
                    .handle(PackageShipped.class, e -> update(e, v -> v.shipments.add(
                            new Shipment(e.trackingNumber(), e.withCertificates(), e.items()))))
                    .handle(ContractClosed.class, e -> update(e, v -> { }))
                    .handle(ContractProgrammeMoved.class, e -> update(e, v -> {
                        v.programmeStart = e.programmeStart();
                        v.programmeEnd = e.programmeEnd();
                        v.programmeConflict = e.conflict();
                    }))
                    .handle(ContractCancelled.class, e -> update(e, v -> v.ending = new Ending(e.cancelledOn(),
                            e.reason(), null)))
                    .handle(ContractTerminated.class, e -> update(e, v -> v.ending = new Ending(e.terminatedOn(),
                            e.reason(), e.amountOwed())))
                    .handle(ContractParticipantCorrected.class, e -> update(e, v -> v.participants.replaceAll(
                            p -> p.participantId().equals(e.participantId())
                                    ? new ContractTerms.Participant(e.participantId(), e.fullName(), p.subject()) : p)))
                    .build();

    @EventHandler
    void on(ContractEvent event) {
        projection.handle(event, null);
    }

    private void opened(ContractOpened e) {
        View v = new View();
        v.applicationId = e.applicationId();
        v.applicationNumber = e.terms().applicationNumber();
        v.organisationInn = e.terms().organisationInn();
        v.paymentTerms = e.terms().paymentTerms();
        v.totalAmount = e.totalAmount();
        v.participants = new ArrayList<>(e.terms().participants());
        v.programmeId = e.terms().programmeId();
        v.programmeTitle = e.terms().programmeTitle();
        v.hours = e.terms().hours();
        v.programmeStart = e.terms().programmeStart();
        v.programmeEnd = e.terms().programmeEnd();
        v.status = ContractStatus.after(null, e);
        save(v);
    }

    /** Originals due before {@code today} and not all received, in a contract still running: the staff's queue. */
    public List<View> originalsOverdue(LocalDate today) {
        List<View> overdue = new ArrayList<>();
        contracts.find(Filters.and(Filters.lt("originalsDueDate", today.toString()), Filters.eq("originalsReceived", false),
                        Filters.ne("ended", true)))
                .forEach(d -> overdue.add(read(d)));
        return overdue;
    }

    /** Invoices due before {@code today} and not paid in full, in contracts not cancelled: the staff's queue. */
    public List<View> invoicesOverdue(LocalDate today) {
        List<View> overdue = new ArrayList<>();
        contracts.find(Filters.and(Filters.lt("invoiceDueDate", today.toString()), Filters.eq("fullyPaid", false),
                        Filters.ne("status", ContractStatus.CANCELLED.name())))
                .sort(new Document("invoiceDueDate", 1)).forEach(d -> overdue.add(read(d)));
        return overdue;
    }

    /** The contracts of a programme still running (not closed, cancelled or terminated). */
    public List<String> runningContractsOf(String programmeId) {
        List<String> found = new ArrayList<>();
        contracts.find(Filters.and(Filters.eq("programmeId", programmeId), Filters.ne("ended", true),
                Filters.ne("status", ContractStatus.CLOSED.name()))).projection(new Document("_id", 1))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    /** Every contract with certificates issued in {@code year}, for the federal register. */
    public List<View> withCertificatesIn(int year) {
        List<View> found = new ArrayList<>();
        contracts.find(Filters.regex("certificateYears", "(^|,)" + year + "(,|$)")).forEach(d -> found.add(read(d)));
        return found;
    }

    public Optional<View> find(String applicationId) {
        return Optional.ofNullable(contracts.find(Filters.eq("_id", applicationId)).first()).map(ContractBoard::read);
    }

    private static View read(Document d) {
        try {
            return EventJson.mapper().readValue(d.getString("view"), View.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Applies the event's change; the status moves as {@link ContractStatus#after} says, as in the aggregate. */
    private void update(ContractEvent e, Consumer<View> change) {
        View v = find(e.applicationId()).orElseThrow(() -> new IllegalStateException("no contract " + e.applicationId()));
        change.accept(v);
        v.status = ContractStatus.after(v.status, e);
        save(v);
    }

    /** The last day to conclude (3 working days before the start), or the start itself outside the calendar. */
    private String conclusionLastDay(LocalDate start) {
        try {
            return calendar.lastDayNoLaterThanWorkingDaysBefore(start, Contract.CONCLUSION_WORKING_DAYS_BEFORE_START)
                    .date().toString();
        } catch (IllegalArgumentException outsideTheCalendar) {
            return start.toString();
        }
    }

    /** Paid, and someone who passed has no certificate yet. */
    private static boolean certificatesDue(View v) {
        return v.results.entrySet().stream().filter(Map.Entry::getValue)
                .anyMatch(r -> v.certificates.stream().noneMatch(c -> c.participantId().equals(r.getKey())));
    }

    /**
     * The originals are all here and every result is in, and something is left to send: the first package, or
     * certificates issued after it (a late payment).
     */
    private static boolean toShip(View v) {
        if (v.originalsReceivedOn == null || v.status == ContractStatus.CLOSED || v.status.ended()
                || v.results.size() < v.participants.size()) {
            return false;
        }
        long certificatesSent = v.shipments.stream().filter(Shipment::withCertificates).count();
        return v.shipments.isEmpty() || certificatesSent == 0 && !v.certificates.isEmpty();
    }

    /** Staff's queues of the contract stage, each one query on the fields beside the view. */
    public enum Queue {
        /** Not concluded yet: the school signs and uploads the scans, staff review them. */
        AWAITING_SIGNED_SCANS,
        /** Not concluded, and the last day to conclude is within 2 working days. */
        CONCLUSION_DUE_SOON,
        /** The course ended and no act is issued. */
        ACTS_TO_ISSUE,
        ORIGINALS_OVERDUE,
        /** Paid, and someone who passed has no certificate. */
        CERTIFICATES_TO_ISSUE,
        /** Originals and results in, and a package to send. */
        PACKAGES_TO_SHIP,
        INVOICES_OVERDUE
    }

    /** One page of a queue, oldest deadline first, and the queue's size. */
    public record QueuePage(long total, List<View> items) {
    }

    public QueuePage queue(Queue queue, LocalDate today, ProductionCalendar calendar, int page, int size) {
        Bson running = Filters.and(Filters.ne("ended", true), Filters.ne("status", ContractStatus.CLOSED.name()));
        Bson filter = switch (queue) {
            case AWAITING_SIGNED_SCANS -> Filters.and(running, Filters.eq("concluded", false));
            case CONCLUSION_DUE_SOON -> Filters.and(running, Filters.eq("concluded", false),
                    Filters.lte("conclusionLastDay", calendar.endOfWorkingDaysAfter(today, 2).date().toString()));
            case ACTS_TO_ISSUE -> Filters.and(running, Filters.eq("concluded", true), Filters.eq("actIssued", false),
                    Filters.lt("programmeEnd", today.toString()));
            case ORIGINALS_OVERDUE -> Filters.and(running, Filters.lt("originalsDueDate", today.toString()),
                    Filters.eq("originalsReceived", false));
            case CERTIFICATES_TO_ISSUE -> Filters.and(running, Filters.eq("certificatesDue", true));
            case PACKAGES_TO_SHIP -> Filters.and(running, Filters.eq("toShip", true));
            case INVOICES_OVERDUE -> Filters.and(Filters.lt("invoiceDueDate", today.toString()),
                    Filters.eq("fullyPaid", false), Filters.ne("status", ContractStatus.CANCELLED.name()));
        };
        String order = switch (queue) {
            case AWAITING_SIGNED_SCANS, CONCLUSION_DUE_SOON -> "conclusionLastDay";
            case ACTS_TO_ISSUE -> "programmeEnd";
            case ORIGINALS_OVERDUE -> "originalsDueDate";
            case INVOICES_OVERDUE -> "invoiceDueDate";
            case CERTIFICATES_TO_ISSUE, PACKAGES_TO_SHIP -> "programmeEnd";
        };
        List<View> items = new ArrayList<>();
        contracts.find(filter).sort(new Document(order, 1).append("_id", 1)).skip(page * size).limit(size)
                .forEach(d -> items.add(read(d)));
        return new QueuePage(contracts.countDocuments(filter), items);
    }

    private void save(View v) {
        v.payment = PaymentState.of(v.invoice == null ? null : v.invoice.amount(), v.paid);
        v.statusLabel = v.status.label(v.payment);
        try {
            // a few fields stand beside the JSON so the staff's queues can be queried
            contracts.replaceOne(Filters.eq("_id", v.applicationId), new Document("_id", v.applicationId)
                    .append("organisationInn", v.organisationInn)
                    .append("programmeId", v.programmeId)
                    .append("originalsDueDate", v.originalsDueDate == null ? null : v.originalsDueDate.toString())
                    .append("originalsReceived", v.originalsReceivedOn != null)
                    .append("invoiceDueDate", v.invoice == null || v.invoice.dueDate() == null ? null
                            : v.invoice.dueDate().toString())
                    .append("fullyPaid", v.fullyPaid)
                    .append("status", v.status.name())
                    .append("ended", v.status.ended())
                    .append("concluded", v.status.concluded())
                    .append("programmeStart", v.programmeStart.toString())
                    .append("conclusionLastDay", conclusionLastDay(v.programmeStart))
                    .append("programmeEnd", v.programmeEnd.toString())
                    .append("actIssued", v.act != null)
                    .append("certificatesDue", v.fullyPaid && certificatesDue(v))
                    .append("toShip", toShip(v))
                    .append("certificateYears", String.join(",", v.certificates.stream()
                            .map(c -> Integer.toString(c.issuedOn().getYear())).distinct().toList()))
                    .append("view", EventJson.mapper().writeValueAsString(v)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
