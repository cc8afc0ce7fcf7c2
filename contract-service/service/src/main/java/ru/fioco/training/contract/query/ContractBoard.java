package ru.fioco.training.contract.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

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
    public java.util.List<String> collections() {
        return java.util.List.of("contracts");
    }

    public record Draft(int version, String contractDocumentId, String consentDocumentId, String note) {
    }

    public record Access(String courseUrl, String enrolmentKey, String tutorName, String tutorEmail, String instructions) {
    }

    public record Invoice(String number, BigDecimal amount, LocalDate issuedOn, String documentId) {
    }

    public record Payment(String paymentOrderNumber, LocalDate paidOn, BigDecimal amount) {
    }

    public record Act(String number, LocalDate issuedOn, String documentId) {
    }

    public record Certificate(String participantId, String registrationNumber, LocalDate issuedOn, String holderName) {
    }

    public record Shipment(String trackingNumber, boolean withCertificates) {
    }

    /** The contract's view; mutable only while a projection handler builds it. */
    public static final class View {
        public String applicationId;
        public String applicationNumber;
        public String organisationInn;
        public String paymentTerms;
        public BigDecimal totalAmount;
        public String status = "DRAFTS_ISSUED";
        public List<Draft> drafts = new ArrayList<>();
        public LocalDate concludedOn;
        public Access access;
        public Invoice invoice;
        public List<Payment> payments = new ArrayList<>();
        public BigDecimal paid = BigDecimal.ZERO;
        public boolean fullyPaid;
        public Act act;
        public LocalDate originalsDueDate;
        public LocalDate originalsReceivedOn;
        public java.util.Map<String, Boolean> results = new java.util.LinkedHashMap<>();
        public List<Certificate> certificates = new ArrayList<>();
        public List<Shipment> shipments = new ArrayList<>();
        public List<ru.fioco.training.contract.api.ContractTerms.Participant> participants = new ArrayList<>();
        public String programmeTitle;
        public int hours;
        public LocalDate programmeStart;
        public LocalDate programmeEnd;
        /** Document ids this contract generated: the only files its download serves. */
        public List<String> documentIds = new ArrayList<>();
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> contracts;

    @PostConstruct
    void init() {
        contracts = database.collection("contracts");
    }

    @EventHandler
    void on(ContractOpened e) {
        View v = new View();
        v.applicationId = e.applicationId();
        v.applicationNumber = e.terms().applicationNumber();
        v.organisationInn = e.terms().organisationInn();
        v.paymentTerms = e.terms().paymentTerms();
        v.totalAmount = e.totalAmount();
        v.participants = new ArrayList<>(e.terms().participants());
        v.programmeTitle = e.terms().programmeTitle();
        v.hours = e.terms().hours();
        v.programmeStart = e.terms().programmeStart();
        v.programmeEnd = e.terms().programmeEnd();
        save(v);
    }

    @EventHandler
    void on(ContractDraftsIssued e) {
        update(e.applicationId(), v -> {
            v.drafts.add(new Draft(e.version(), e.contractDocumentId(), e.consentDocumentId(), e.note()));
            v.documentIds.add(e.contractDocumentId());
            v.documentIds.add(e.consentDocumentId());
        });
    }

    @EventHandler
    void on(ContractConcluded e) {
        update(e.applicationId(), v -> {
            v.concludedOn = e.concludedOn();
            v.status = "CONCLUDED";
        });
    }

    @EventHandler
    void on(CourseAccessGranted e) {
        update(e.applicationId(), v -> v.access = new Access(e.courseUrl(), e.enrolmentKey(), e.tutorName(),
                e.tutorEmail(), e.instructions()));
    }

    @EventHandler
    void on(InvoiceIssued e) {
        update(e.applicationId(), v -> {
            v.invoice = new Invoice(e.invoiceNumber(), e.amount(), e.issuedOn(), e.documentId());
            v.documentIds.add(e.documentId());
        });
    }

    @EventHandler
    void on(PaymentRecorded e) {
        update(e.applicationId(), v -> {
            v.payments.add(new Payment(e.paymentOrderNumber(), e.paidOn(), e.amount()));
            v.paid = e.totalPaid();
            v.fullyPaid = e.fullyPaid();
        });
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.ServiceActIssued e) {
        update(e.applicationId(), v -> {
            v.act = new Act(e.actNumber(), e.issuedOn(), e.documentId());
            v.documentIds.add(e.documentId());
            v.status = "ACT_ISSUED";
        });
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.SignedActAccepted e) {
        update(e.applicationId(), v -> v.originalsDueDate = e.originalsDueDate());
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.OriginalsReceived e) {
        update(e.applicationId(), v -> v.originalsReceivedOn = e.receivedOn());
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.TrainingResultRecorded e) {
        update(e.applicationId(), v -> v.results.put(e.participantId(), e.passed()));
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.CertificateIssued e) {
        update(e.applicationId(), v -> v.certificates.add(new Certificate(e.participantId(), e.registrationNumber(),
                e.issuedOn(), e.holderName())));
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.PackageShipped e) {
        update(e.applicationId(), v -> {
            v.shipments.add(new Shipment(e.trackingNumber(), e.withCertificates()));
            v.status = "SHIPPED";
        });
    }

    @EventHandler
    void on(ru.fioco.training.contract.api.ContractClosed e) {
        update(e.applicationId(), v -> v.status = "CLOSED");
    }

    /** Originals due before {@code today} and not received: the staff's queue. */
    public List<View> originalsOverdue(LocalDate today) {
        List<View> overdue = new ArrayList<>();
        contracts.find(Filters.and(Filters.lt("originalsDueDate", today.toString()), Filters.eq("originalsReceived", false)))
                .forEach(d -> overdue.add(read(d)));
        return overdue;
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

    private void update(String applicationId, Consumer<View> change) {
        View v = find(applicationId).orElseThrow(() -> new IllegalStateException("no contract " + applicationId));
        change.accept(v);
        save(v);
    }

    private void save(View v) {
        try {
            // a few fields stand beside the JSON so the staff's queues can be queried
            contracts.replaceOne(Filters.eq("_id", v.applicationId), new Document("_id", v.applicationId)
                    .append("organisationInn", v.organisationInn)
                    .append("originalsDueDate", v.originalsDueDate == null ? null : v.originalsDueDate.toString())
                    .append("originalsReceived", v.originalsReceivedOn != null)
                    .append("certificateYears", String.join(",", v.certificates.stream()
                            .map(c -> Integer.toString(c.issuedOn().getYear())).distinct().toList()))
                    .append("view", EventJson.mapper().writeValueAsString(v)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
