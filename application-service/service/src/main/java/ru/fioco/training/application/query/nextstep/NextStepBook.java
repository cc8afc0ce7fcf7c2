package ru.fioco.training.application.query.nextstep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationStatus;
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
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The facts the next steps of an application are derived from, kept from all four topics by the history's
 * consumer (collection {@value #COLLECTION}, rebuilt with the history from Kafka). One document per application
 * with one part per topic, each written alone ({@code $set} of its field), and the keys staff search by.
 *
 * <p>Each event is applied once: the part, what is derived from it and the event's mark in {@code applied} are
 * written in one update of the document, which does not match once the event is marked. So a record delivered
 * again (its consumer killed after the history had it, before its next steps were written) completes what was
 * left, and never applies twice. ({@code applied} is a map, not a list: the live and a rebuilt book then compare
 * equal whatever order the topics were read in.)
 */
@ApplicationScoped
public class NextStepBook {

    public static final String COLLECTION = "next_steps";

    /** The facts of one application, as far as they are known. */
    public record Known(String applicationId, Parts.Application application, Parts.Documents documents,
            Parts.Contract contract, Parts.Thread thread) {
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> book;
    /** The event being applied, on the per-event view {@link #apply(String, Record)} makes; null: no marking. */
    private String applying;

    @PostConstruct
    void init() {
        book = database.readModel(COLLECTION);
    }

    /** A book over another collection (tests). */
    public static NextStepBook over(MongoCollection<Document> collection) {
        NextStepBook b = new NextStepBook();
        b.book = collection;
        return b;
    }

    /** Applies one event of any of the four services, once: an event {@code eventId} already applied is skipped. */
    public void apply(String eventId, Record event) {
        NextStepBook once = new NextStepBook();
        once.book = book;
        once.applying = eventId.replace('.', '_').replace('$', '_'); // a field name in the document
        once.apply(event);
    }

    /** Applies one event of any of the four services; events of no application (programmes) change nothing. */
    public void apply(Record event) {
        if (event instanceof ApplicationEvent e) {
            APPLICATIONS.handle(e, this);
        } else if (event instanceof DocumentEvent e) {
            DOCUMENTS.handle(e, this);
        } else if (event instanceof ContractEvent e) {
            CONTRACTS.handle(e, this);
        } else if (event instanceof ThreadEvent e) {
            THREADS.handle(e, this);
        }
    }

    public Optional<Known> find(String applicationId) {
        return Optional.ofNullable(book.find(Filters.eq("_id", applicationId)).first()).map(NextStepBook::known);
    }

    /** The applications of an organisation (all when null), at most {@code limit}. */
    public List<Known> ofOrganisation(String organisationInn, int limit) {
        Bson where = organisationInn == null ? Filters.exists("applicationPart")
                : Filters.eq("organisationInn", organisationInn);
        return book.find(where).limit(limit).map(NextStepBook::known).into(new ArrayList<>());
    }

    /** Applications whose contract documents carry the text (invoice, act, certificate or tracking number). */
    public List<String> withKey(String text, int limit) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return book.find(Filters.eq("searchKeys", wanted)).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Applications whose contract stands at this status. */
    public List<String> withContractStatus(ContractStatus status, int limit) {
        return book.find(Filters.eq("contractStatus", status.name())).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    private static Known known(Document d) {
        return new Known(d.getString("_id"), part(d, "applicationPart", Parts.Application.class),
                part(d, "documentsPart", Parts.Documents.class), part(d, "contractPart", Parts.Contract.class),
                part(d, "threadPart", Parts.Thread.class));
    }

    // ------------------------------------------------------------------ the parts, each from its topic

    private void application(String id, Consumer<Parts.Application> change) {
        update(id, "applicationPart", Parts.Application.class, Parts.Application::new, change,
                a -> List.of(Updates.set("organisationInn", a.organisationInn), Updates.set("status", a.status)));
    }

    private void documents(String id, Consumer<Parts.Documents> change) {
        update(id, "documentsPart", Parts.Documents.class, Parts.Documents::new, change, d -> List.of());
    }

    private void contract(ContractEvent e, Consumer<Parts.Contract> change) {
        update(e.applicationId(), "contractPart", Parts.Contract.class, Parts.Contract::new, part -> {
            change.accept(part);
            ContractStatus before = part.status == null ? null : ContractStatus.valueOf(part.status);
            ContractStatus after = ContractStatus.after(before, e);
            part.status = after == null ? null : after.name();
        }, c -> {
            List<String> keys = new ArrayList<>();
            if (c.invoiceNumber != null) {
                keys.add(c.invoiceNumber.toUpperCase(Locale.ROOT));
            }
            if (c.actNumber != null) {
                keys.add(c.actNumber.toUpperCase(Locale.ROOT));
            }
            c.certificates.forEach(n -> keys.add(n.toUpperCase(Locale.ROOT)));
            c.trackingNumbers.forEach(n -> keys.add(n.toUpperCase(Locale.ROOT)));
            return List.of(Updates.set("searchKeys", keys), Updates.set("contractStatus", c.status));
        });
    }

    private void thread(String id, Consumer<Parts.Thread> change) {
        update(id, "threadPart", Parts.Thread.class, Parts.Thread::new, change, t -> List.of());
    }

    /** Changes one part and what is derived from it in one update, unless the event was applied already. */
    private <P> void update(String id, String field, Class<P> type, Supplier<P> fresh, Consumer<P> change,
            Function<P, List<Bson>> derived) {
        Document d = book.find(Filters.eq("_id", id)).first();
        if (applying != null && d != null && d.get("applied", Document.class) != null
                && d.get("applied", Document.class).containsKey(applying)) {
            return;
        }
        P part = d == null ? null : part(d, field, type);
        if (part == null) {
            part = fresh.get();
        }
        change.accept(part);
        List<Bson> changes = new ArrayList<>(derived.apply(part));
        Bson where = Filters.eq("_id", id);
        try {
            // written around the application's id: a free text with no person named is sealed with its key
            changes.add(Updates.set(field, EventJson.writerAround(id).writeValueAsString(part)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (applying != null) {
            changes.add(Updates.set("applied." + applying, true));
            where = Filters.and(where, Filters.exists("applied." + applying, false));
        }
        try {
            book.updateOne(where, Updates.combine(changes), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // marked meanwhile: the event was applied
        }
    }

    private static <P> P part(Document d, String field, Class<P> type) {
        String json = d.getString(field);
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Parts.Participant> participants(ApplicationForm form) {
        return form.participants().stream().filter(p -> p != null && p.participantId() != null)
                .map(p -> new Parts.Participant(p.participantId(), p.shortName(), p.nameChangeRequired())).toList();
    }

    private static void form(Parts.Application a, ApplicationForm form) {
        a.programmeId = form.programmeId();
        a.paymentTerms = form.paymentTerms() == null ? null : form.paymentTerms().name();
        a.participants = new ArrayList<>(participants(form));
    }

    private static final EventHandlers<ApplicationEvent, NextStepBook> APPLICATIONS =
            EventHandlers.<ApplicationEvent, NextStepBook>of(ApplicationEvent.class, "next steps: applications")
                    .handle(ApplicationDrafted.class, (e, b) -> b.application(e.applicationId(), a -> {
                        a.organisationInn = e.organisationInn();
                        a.status = ApplicationStatus.after(null, e).name();
                        form(a, e.form());
                    }))
                    .handle(ApplicationChanged.class, (e, b) -> b.application(e.applicationId(), a -> form(a, e.form())))
                    .handle(ApplicationSubmitted.class, (e, b) -> b.application(e.applicationId(), a -> {
                        a.status = ApplicationStatus.after(null, e).name();
                        a.number = e.number();
                        a.reviewDueDate = e.reviewDueDate();
                        a.reviewDueProvisional = e.reviewDueProvisional();
                        a.returnedReason = null;
                        form(a, e.form());
                    }))
                    .handle(ApplicationReturned.class, (e, b) -> b.application(e.applicationId(), a -> {
                        a.status = ApplicationStatus.after(null, e).name();
                        a.returnedReason = e.reason();
                    }))
                    .handle(ApplicationTakenIntoWork.class, (e, b) -> b.application(e.applicationId(),
                            a -> a.status = ApplicationStatus.after(null, e).name()))
                    .handle(ApplicationWithdrawn.class, (e, b) -> b.application(e.applicationId(),
                            a -> a.status = ApplicationStatus.after(null, e).name()))
                    .handle(ApplicationCompleted.class, (e, b) -> b.application(e.applicationId(),
                            a -> a.status = ApplicationStatus.after(null, e).name()))
                    .handle(ParticipantCorrected.class, (e, b) -> b.application(e.applicationId(),
                            a -> a.participants.replaceAll(p -> p.participantId.equals(e.participantId())
                                    ? new Parts.Participant(p.participantId, e.after().shortName(), e.after().nameChangeRequired())
                                    : p)))
                    .handle(ParticipantsLocked.class, (e, b) -> b.application(e.applicationId(),
                            a -> a.participantsLocked = true))
                    // an erased participant's names read «удалено» by themselves; what was derived from their data goes
                    // too, so that a book rebuilt after the erasure (derived then from «удалено») is the same
                    .handle(PersonalDataErased.class, (e, b) -> b.application(e.applicationId(), a -> a.participants
                            .replaceAll(p -> p.participantId.equals(e.participantId())
                                    ? new Parts.Participant(p.participantId, p.shortName, false) : p)))
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class,
                            ConsentWithdrawn.class)
                    .build();

    private static final EventHandlers<DocumentEvent, NextStepBook> DOCUMENTS =
            EventHandlers.<DocumentEvent, NextStepBook>of(DocumentEvent.class, "next steps: documents")
                    .handle(DocumentUploaded.class, (e, b) -> b.documents(e.applicationId(),
                            d -> d.slot(e.participantId(), e.slot()).current = e.version()))
                    .handle(DocumentAccepted.class, (e, b) -> b.documents(e.applicationId(), d -> {
                        Parts.Slot s = d.slot(e.participantId(), e.slot());
                        s.reviewed = e.version();
                        s.accepted = true;
                    }))
                    .handle(DocumentRejected.class, (e, b) -> b.documents(e.applicationId(), d -> {
                        Parts.Slot s = d.slot(e.participantId(), e.slot());
                        s.reviewed = e.version();
                        s.accepted = false;
                    }))
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentDownloaded.class,
                            ParticipantDocumentsAccepted.class, ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    private static final EventHandlers<ContractEvent, NextStepBook> CONTRACTS =
            EventHandlers.<ContractEvent, NextStepBook>of(ContractEvent.class, "next steps: contracts")
                    .handle(ContractOpened.class, (e, b) -> b.contract(e, c -> {
                        c.prepayment = e.terms().prepayment();
                        c.participants = e.terms().participants().size();
                        c.programmeStart = e.terms().programmeStart();
                        c.programmeEnd = e.terms().programmeEnd();
                    }))
                    .handle(ContractDraftsIssued.class, (e, b) -> b.contract(e, c -> c.draftVersion = e.version()))
                    .handle(ContractChangesRequested.class, (e, b) -> b.contract(e,
                            c -> c.changesRequestedOn = Math.max(c.changesRequestedOn, e.version())))
                    .handle(ContractCountersigned.class, (e, b) -> b.contract(e, c -> { }))
                    .handle(ContractProgrammeMoved.class, (e, b) -> b.contract(e, c -> {
                        c.programmeStart = e.programmeStart();
                        c.programmeEnd = e.programmeEnd();
                    }))
                    .handle(ContractConcluded.class, (e, b) -> b.contract(e, c -> { }))
                    .handle(CourseAccessGranted.class, (e, b) -> b.contract(e, c -> { }))
                    .handle(InvoiceIssued.class, (e, b) -> b.contract(e, c -> {
                        c.invoiceNumber = e.invoiceNumber();
                        c.invoiced = e.amount();
                        c.invoicedOn = e.issuedOn();
                        c.invoiceDue = e.dueDate();
                        c.invoiceDueProvisional = e.dueProvisional();
                    }))
                    .handle(PaymentRecorded.class, (e, b) -> b.contract(e, c -> c.paid = e.totalPaid()))
                    .handle(ServiceActIssued.class, (e, b) -> b.contract(e, c -> {
                        c.actNumber = e.actNumber();
                        c.actIssuedOn = e.issuedOn();
                        if (e.originalsDueDate() != null) {
                            c.originalsDue = e.originalsDueDate();
                        }
                    }))
                    .handle(SignedActAccepted.class, (e, b) -> b.contract(e, c -> {
                        if (c.originalsDue == null) { // an act issued before the due date counted from it
                            c.originalsDue = e.originalsDueDate();
                        }
                    }))
                    .handle(OriginalsReceived.class, (e, b) -> b.contract(e,
                            c -> c.originalsReceived = c.originalsReceived || e.completesTheSet()))
                    .handle(TrainingResultRecorded.class, (e, b) -> b.contract(e,
                            c -> c.results.put(e.participantId(), e.passed())))
                    .handle(CertificateIssued.class, (e, b) -> b.contract(e,
                            c -> c.certificates.add(e.registrationNumber())))
                    .handle(PackageShipped.class, (e, b) -> b.contract(e, c -> c.trackingNumbers.add(e.trackingNumber())))
                    .handle(ContractClosed.class, (e, b) -> b.contract(e, c -> { }))
                    .handle(ContractCancelled.class, (e, b) -> b.contract(e, c -> { }))
                    .handle(ContractTerminated.class, (e, b) -> b.contract(e, c -> { }))
                    .ignore(ContractParticipantCorrected.class)
                    .build();

    private static final EventHandlers<ThreadEvent, NextStepBook> THREADS =
            EventHandlers.<ThreadEvent, NextStepBook>of(ThreadEvent.class, "next steps: threads")
                    .handle(MessagePosted.class, (e, b) -> b.thread(e.applicationId(), t -> {
                        Parts.Entry entry = new Parts.Entry();
                        entry.sequence = e.sequence();
                        entry.from = e.side().name();
                        t.entries.add(entry);
                    }))
                    .handle(NoticePosted.class, (e, b) -> b.thread(e.applicationId(),
                            t -> t.entries.add(notice(e.sequence(), e.audience()))))
                    .handle(SystemNoticePosted.class, (e, b) -> b.thread(e.applicationId(),
                            t -> t.entries.add(notice(e.sequence(), e.audience()))))
                    .handle(ThreadRead.class, (e, b) -> b.thread(e.applicationId(), t -> {
                        if (e.side() == Side.ORGANISATION) {
                            t.readByOrganisation = Math.max(t.readByOrganisation, e.upToSequence());
                        } else {
                            t.readByInstitute = Math.max(t.readByInstitute, e.upToSequence());
                        }
                    }))
                    .ignore(ThreadOpened.class, ApplicantContactChanged.class, NoticeMailed.class, ThreadClosed.class)
                    .build();

    private static Parts.Entry notice(long sequence, List<Side> audience) {
        Parts.Entry entry = new Parts.Entry();
        entry.sequence = sequence;
        entry.to = audience.stream().map(Enum::name).toList();
        return entry;
    }
}
