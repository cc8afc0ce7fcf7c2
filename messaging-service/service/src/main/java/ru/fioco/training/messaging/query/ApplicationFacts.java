package ru.fioco.training.messaging.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm;
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
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractProgrammeMoved;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.ReadModelUpdate;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * messaging-service's own copy of what its notices and reminders need to say: the application's number,
 * organisation, applicant and participants' names, and the programme's title and dates, kept from the
 * {@code applications} topic; and the contract's period and conclusion, kept from {@code contracts} in a
 * collection of their own (each collection is fed by one topic, so each can be rebuilt from its topic alone).
 * Never asked of the other services.
 */
@ApplicationScoped
public class ApplicationFacts {

    /** What a notice about an application may mention. */
    public record Application(String applicationId, String number, String organisationInn, String organisationName,
            String programmeId, String applicantName, String applicantEmail, Map<String, String> participantNames) {
    }

    public record Programme(String programmeId, String title, LocalDate startDate, LocalDate endDate,
            String lmsCourseUrl, List<Tutor> tutors) {
    }

    public static final String APPLICATIONS = "application_facts";
    public static final String PROGRAMMES = "programme_facts";
    public static final String CONTRACTS = "contract_facts";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> applications;
    private MongoCollection<Document> programmes;
    private MongoCollection<Document> contracts;

    @PostConstruct
    void init() {
        applications = database.readModel(APPLICATIONS);
        programmes = database.readModel(PROGRAMMES);
        contracts = database.readModel(CONTRACTS);
    }

    private final EventHandlers<ApplicationEvent, InboundEvent<?>> applicationCopies =
            EventHandlers.<ApplicationEvent, InboundEvent<?>>of(ApplicationEvent.class, "messaging-service application facts")
                    .handle(ProgrammePublished.class, (p, event) -> recordProgramme(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.lmsCourseUrl(), p.tutors()))
                    .handle(ProgrammeChanged.class, (p, event) -> recordProgramme(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.lmsCourseUrl(), p.tutors()))
                    .handle(ApplicationDrafted.class, (e, event) -> recordForm(event, e.applicationId(),
                            e.organisationInn(), null, e.form()))
                    .handle(ApplicationChanged.class, (e, event) -> recordForm(event, e.applicationId(), null, null,
                            e.form()))
                    .handle(ApplicationSubmitted.class, (e, event) -> recordForm(event, e.applicationId(), null,
                            e.number(), e.form()))
                    .handle(ParticipantCorrected.class, (e, event) -> ReadModelUpdate.apply(applications, e.applicationId(),
                            event.id(), List.of(Updates.set("participants." + e.participantId(),
                                    PersonalText.seal("participant:" + e.participantId(), e.after().shortName())))))
                    .ignore(ProgrammeClosed.class, ApplicationReturned.class, ApplicationTakenIntoWork.class,
                            ApplicationWithdrawn.class, ApplicationCompleted.class, ParticipantsLocked.class,
                            PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    private final EventHandlers<ContractEvent, InboundEvent<?>> contractCopies =
            EventHandlers.<ContractEvent, InboundEvent<?>>of(ContractEvent.class, "messaging-service contract facts")
                    .handle(ContractOpened.class, (e, event) -> recordContract(event, e.applicationId(),
                            e.terms().applicationNumber(), e.terms().organisationInn(), e.terms().programmeStart()))
                    .handle(ContractConcluded.class, (e, event) -> markConcluded(event, e.applicationId()))
                    // an ended contract is no longer a concluded one whose course reminders move with the programme
                    .handle(ContractTerminated.class, (e, event) -> ReadModelUpdate.apply(contracts, e.applicationId(),
                            event.id(), List.of(Updates.set("concluded", false))))
                    .ignore(ContractChangesRequested.class, ContractCountersigned.class, ContractProgrammeMoved.class)
                    .ignore(ContractCancelled.class, ContractDraftsIssued.class, CourseAccessGranted.class, InvoiceIssued.class,
                            PaymentRecorded.class, ServiceActIssued.class, SignedActAccepted.class,
                            OriginalsReceived.class, TrainingResultRecorded.class, CertificateIssued.class,
                            PackageShipped.class, ContractClosed.class, ContractParticipantCorrected.class)
                    .build();

    /** Keeps what the application-service event says of an application or a programme; a rebuild replays this. */
    public void copyApplications(InboundEvent<ApplicationEvent> event) {
        applicationCopies.handle(event.payload(), event);
    }

    /** Keeps what the contract-service event says of the contract's period and conclusion; a rebuild replays this. */
    public void copyContracts(InboundEvent<ContractEvent> event) {
        contractCopies.handle(event.payload(), event);
    }

    private void recordForm(InboundEvent<?> event, String applicationId, String organisationInn, String number,
            ApplicationForm form) {
        List<Bson> changes = new ArrayList<>();
        if (organisationInn != null) {
            changes.add(Updates.set("organisationInn", organisationInn));
        }
        if (number != null) {
            changes.add(Updates.set("number", number));
        }
        if (form != null) {
            changes.add(Updates.set("programmeId", form.programmeId()));
            if (form.organisation() != null) {
                changes.add(Updates.set("organisationName", form.organisation().shortName() != null
                        && !form.organisation().shortName().isBlank() ? form.organisation().shortName()
                        : form.organisation().fullName()));
                if (organisationInn == null && form.organisation().inn() != null) {
                    changes.add(Updates.set("organisationInn", form.organisation().inn()));
                }
            }
            if (form.applicant() != null) {
                // the applicant's name and address, under the applicant's key
                changes.add(Updates.set("applicantName",
                        PersonalText.seal("applicant:" + applicationId, form.applicant().fullName())));
                changes.add(Updates.set("applicantEmail",
                        PersonalText.seal("applicant:" + applicationId, form.applicant().email())));
            }
            Document names = new Document();
            form.participants().stream().filter(p -> p != null && p.participantId() != null)
                    .forEach(p -> names.append(p.participantId(),
                            PersonalText.seal("participant:" + p.participantId(), p.shortName())));
            changes.add(Updates.set("participants", names));
        }
        ReadModelUpdate.apply(applications, applicationId, event.id(), changes);
    }

    /** What is known of the application; its number and organisation from the contract if the form is missing. */
    public Optional<Application> application(String applicationId) {
        Document d = applications.find(Filters.eq("_id", applicationId)).first();
        Document contract = contracts.find(Filters.eq("_id", applicationId)).first();
        if (d == null && contract == null) {
            return Optional.empty();
        }
        Document form = d == null ? new Document() : d;
        Document known = contract == null ? new Document() : contract;
        Map<String, String> names = new LinkedHashMap<>();
        Document participants = form.get("participants", Document.class);
        if (participants != null) {
            participants.forEach((k, v) -> names.put(k, PersonalText.open(String.valueOf(v))));
        }
        return Optional.of(new Application(applicationId, firstOf(form.getString("number"), known.getString("number")),
                firstOf(form.getString("organisationInn"), known.getString("organisationInn")),
                form.getString("organisationName"), form.getString("programmeId"),
                PersonalText.open(form.getString("applicantName")), PersonalText.open(form.getString("applicantEmail")),
                names));
    }

    private static String firstOf(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private void recordProgramme(InboundEvent<?> event, String id, String title, LocalDate start, LocalDate end,
            String lms, List<Tutor> tutors) {
        ReadModelUpdate.apply(programmes, id, event.id(), List.of(
                Updates.set("title", title),
                Updates.set("startDate", start.toString()),
                Updates.set("endDate", end.toString()),
                Updates.set("lmsCourseUrl", lms),
                Updates.set("tutors", tutors.stream().map(t -> new Document("name", t.name()).append("email", t.email()))
                        .toList())));
    }

    public Optional<Programme> programme(String programmeId) {
        if (programmeId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(programmes.find(Filters.eq("_id", programmeId)).first()).map(d -> new Programme(
                d.getString("_id"), d.getString("title"), LocalDate.parse(d.getString("startDate")),
                LocalDate.parse(d.getString("endDate")), d.getString("lmsCourseUrl"),
                d.getList("tutors", Document.class, List.of()).stream()
                        .map(t -> new Tutor(t.getString("name"), t.getString("email"))).toList()));
    }

    /** The contract's own record of the course period, in case the programme is not known here. */
    private void recordContract(InboundEvent<?> event, String applicationId, String number, String organisationInn,
            LocalDate programmeStart) {
        ReadModelUpdate.apply(contracts, applicationId, event.id(), List.of(
                Updates.set("contractStart", programmeStart == null ? null : programmeStart.toString()),
                Updates.set("number", number),
                Updates.set("organisationInn", organisationInn)));
    }

    private void markConcluded(InboundEvent<?> event, String applicationId) {
        ReadModelUpdate.apply(contracts, applicationId, event.id(), List.of(Updates.set("concluded", true)));
    }

    public boolean concluded(String applicationId) {
        Document d = contracts.find(Filters.eq("_id", applicationId)).first();
        return d != null && d.getBoolean("concluded", false);
    }

    public Optional<LocalDate> contractStart(String applicationId) {
        return Optional.ofNullable(contracts.find(Filters.eq("_id", applicationId)).first())
                .map(d -> d.getString("contractStart")).map(LocalDate::parse);
    }

    /** The applications of a programme, to move their course reminders when its dates change. */
    public List<String> applicationsOf(String programmeId) {
        return applications.find(Filters.eq("programmeId", programmeId)).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }
}
