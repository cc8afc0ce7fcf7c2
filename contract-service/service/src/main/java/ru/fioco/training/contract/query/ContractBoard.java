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
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** The contract as the cabinet and staff see it, one document per application, from this service's events. */
@ApplicationScoped
@ProcessingGroup(ContractBoard.PROCESSING_GROUP)
public class ContractBoard {

    public static final String PROCESSING_GROUP = "contract-board";

    public record Draft(int version, String contractDocumentId, String consentDocumentId, String note) {
    }

    public record Access(String courseUrl, String enrolmentKey, String tutorName, String tutorEmail, String instructions) {
    }

    public record Invoice(String number, BigDecimal amount, LocalDate issuedOn, String documentId) {
    }

    public record Payment(String paymentOrderNumber, LocalDate paidOn, BigDecimal amount) {
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

    public Optional<View> find(String applicationId) {
        Document d = contracts.find(Filters.eq("_id", applicationId)).first();
        if (d == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.mapper().readValue(d.getString("view"), View.class));
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
            contracts.replaceOne(Filters.eq("_id", v.applicationId), new Document("_id", v.applicationId)
                    .append("organisationInn", v.organisationInn).append("view", EventJson.mapper().writeValueAsString(v)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
