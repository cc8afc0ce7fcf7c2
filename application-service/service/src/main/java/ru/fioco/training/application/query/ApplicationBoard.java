package ru.fioco.training.application.query;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Organisation;
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
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/** The applications read model: the cabinet's and the staff's lists and the detail view, from this service's events. */
@ApplicationScoped
@ProcessingGroup(ApplicationBoard.PROCESSING_GROUP)
public class ApplicationBoard implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "application-board";

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of("applications");
    }

    /** A page of the list, with the total for the pager. */
    public record Page(List<ApplicationSummary> items, long total, int page, int size) {
    }

    /**
     * The staff's filters; nulls are "any". {@code text} finds by number, INN, organisation name, participant's
     * surname or SNILS; {@code alsoIds} are applications found by the same text elsewhere (contract documents'
     * numbers); {@code onlyIds} narrows to these applications (a contract stage).
     */
    public record Filter(String organisationInn, String status, String programmeId, String region, Boolean overdue,
            String text, List<String> alsoIds, List<String> onlyIds, String draftedBy) {
    }

    /**
     * An application as its organisation and staff see it; {@code corrections}: the participants' data corrected
     * after submission, old and new value of each changed field.
     */
    public record Detail(ApplicationSummary summary, ApplicationForm form, String lastReason, boolean participantsLocked,
            List<Correction> corrections, List<Erasure> erasures, List<Consent> consents, Instant endedAt) {
    }

    /**
     * A participant's consent to the processing of their data: the text's version the representative confirmed for
     * them, when and who (the representative's account), and, once withdrawn, when the withdrawal came and by when
     * the data must be destroyed; {@code erased} once they are.
     */
    public record Consent(String participantId, String textVersion, Instant confirmedAt, String confirmedBy,
            LocalDate withdrawalReceivedOn, LocalDate eraseBy, String withdrawalRecordedBy, boolean erased) {
    }

    /** A destruction of a person's data in this application: whose (by id only), why, when, by whom. */
    public record Erasure(String erasureId, PersonalDataErased.ErasureSubject subject, String participantId,
            PersonalDataErased.ErasureBasis basis, String erasedBy, Instant erasedAt) {
    }

    /** One correction of a participant after submission. */
    public record Correction(String participantId, Instant at, List<Change> changes) {
    }

    /** A field of a participant, before and after a correction. */
    public record Change(String field, String before, String after) {
    }

    @Inject
    ServiceDatabase database;

    @Inject
    ProgrammeCatalogue catalogue;

    @Inject
    Clock clock;

    private MongoCollection<Document> applications;

    @PostConstruct
    void init() {
        applications = database.readModel("applications");
    }

    /** When an event was stored, and by whom (the drafter of a draft may see it before their link is confirmed). */
    record Stamp(Instant at, String actor) {
    }

    private final EventHandlers<ApplicationEvent, Stamp> projection =
            EventHandlers.<ApplicationEvent, Stamp>of(ApplicationEvent.class, PROCESSING_GROUP)
                    .handle(ApplicationDrafted.class, this::drafted)
                    .handle(ApplicationChanged.class, this::changed)
                    .handle(ApplicationSubmitted.class, this::submitted)
                    .handle(ConsentWithdrawn.class, this::consentWithdrawn)
                    .handle(ApplicationReturned.class, e -> setStatus(e.applicationId(), e, e.reason()))
                    .handle(ApplicationTakenIntoWork.class, e -> setStatus(e.applicationId(), e, null))
                    .handle(ApplicationWithdrawn.class, (e, stamp) -> ended(e.applicationId(), e, e.reason(), stamp))
                    .handle(ApplicationCompleted.class, (e, stamp) -> ended(e.applicationId(), e, null, stamp))
                    .handle(ParticipantCorrected.class, this::corrected)
                    .handle(ParticipantsLocked.class, e -> applications.updateOne(Filters.eq("_id", e.applicationId()),
                            Updates.set("participantsLocked", true)))
                    .handle(PersonalDataErased.class, this::erased)
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class)
                    .build();

    @EventHandler
    void on(ApplicationEvent event, @Timestamp Instant at, @MetaDataValue(EventStoreSetup.ACTOR) String actor) {
        projection.handle(event, new Stamp(at, actor));
    }

    private void drafted(ApplicationDrafted e, Stamp stamp) {
        Instant at = stamp.at();
        applications.updateOne(Filters.eq("_id", e.applicationId()), Updates.combine(
                Updates.set("organisationInn", e.organisationInn()),
                Updates.set("draftedBy", stamp.actor()),
                Updates.set("type", e.type().name()),
                Updates.set("status", ApplicationStatus.after(null, e).name()),
                Updates.set("createdAt", Date.from(at)),
                formFields(e.applicationId(), e.form())), new UpdateOptions().upsert(true));
    }

    private void changed(ApplicationChanged e) {
        applications.updateOne(Filters.eq("_id", e.applicationId()), formFields(e.applicationId(), e.form()));
    }

    private void submitted(ApplicationSubmitted e, Stamp stamp) {
        applications.updateOne(Filters.eq("_id", e.applicationId()), Updates.combine(
                Updates.set("status", ApplicationStatus.after(null, e).name()),
                // each submission confirms the participants' consent anew (a returned one may have new participants)
                Updates.set("consentVersion", e.consentVersion()),
                Updates.set("consentConfirmedAt", Date.from(e.submittedAt())),
                Updates.set("consentConfirmedBy", stamp.actor()),
                Updates.set("number", e.number()),
                Updates.set("submittedAt", Date.from(e.submittedAt())),
                Updates.set("reviewDueDate", e.reviewDueDate().toString()),
                Updates.set("reviewDueProvisional", e.reviewDueProvisional()),
                formFields(e.applicationId(), e.form())));
    }

    /** The form with the corrected participant, and the correction kept for staff: field by field, old → new. */
    private void corrected(ParticipantCorrected e, Stamp stamp) {
        Instant at = stamp.at();
        Detail detail = find(e.applicationId()).orElseThrow(() -> new IllegalStateException("no application " + e.applicationId()));
        ApplicationForm form = detail.form();
        List<ApplicationForm.Participant> participants = new ArrayList<>(form.participants());
        participants.replaceAll(p -> p != null && p.participantId().equals(e.participantId()) ? e.after() : p);
        ApplicationForm corrected = new ApplicationForm(form.applicant(), form.resultDelivery(),
                form.viaProcurementPlatform(), form.comment(), form.paymentTerms(), form.programmeId(),
                form.organisation(), form.personalDataConsent(), participants);
        List<Document> changes = new ArrayList<>();
        for (String field : e.changedFields()) {
            // the participant's old and new data, under their key
            String subject = "participant:" + e.participantId();
            changes.add(new Document("field", field)
                    .append("before", PersonalText.seal(subject, valueOf(e.before(), field)))
                    .append("after", PersonalText.seal(subject, valueOf(e.after(), field))));
        }
        applications.updateOne(Filters.eq("_id", e.applicationId()), Updates.combine(formFields(e.applicationId(), corrected),
                Updates.push("corrections", new Document("participantId", e.participantId())
                        .append("at", Date.from(at)).append("changes", changes))));
    }

    /**
     * A person's data destroyed: the erasure is listed, and an erased participant no longer finds the application
     * by surname or SNILS (the blind indexes are made again without them, by id, whether or not the key is gone yet).
     */
    private void erased(PersonalDataErased e) {
        Document d = applications.find(Filters.eq("_id", e.applicationId())).first();
        if (d == null) {
            throw new IllegalStateException("no application " + e.applicationId());
        }
        List<Bson> changes = new ArrayList<>(List.of(Updates.push("erasures", new Document("erasureId", e.erasureId())
                .append("subject", e.subject().name()).append("participantId", e.participantId())
                .append("basis", e.basis().name()).append("erasedBy", e.erasedBy())
                .append("erasedAt", Date.from(e.erasedAt())))));
        if (e.participantId() != null) {
            List<String> erased = new ArrayList<>(d.getList("erasedParticipants", String.class, List.of()));
            erased.add(e.participantId());
            List<ApplicationForm.Participant> kept = form(d).participants().stream()
                    .filter(p -> p != null && !erased.contains(p.participantId())).toList();
            changes.add(Updates.set("erasedParticipants", erased));
            changes.add(searchIndexes(kept));
        }
        applications.updateOne(Filters.eq("_id", e.applicationId()), Updates.combine(changes));
    }

    private static ApplicationForm form(Document d) {
        try {
            return EventJson.mapper().readValue(d.getString("form"), ApplicationForm.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String valueOf(ApplicationForm.Participant p, String field) {
        for (RecordComponent c : ApplicationForm.Participant.class.getRecordComponents()) {
            if (c.getName().equals(field)) {
                try {
                    Object value = c.getAccessor().invoke(p);
                    return value == null ? null : value.toString();
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return null;
    }

    private void consentWithdrawn(ConsentWithdrawn e) {
        applications.updateOne(Filters.eq("_id", e.applicationId()), Updates.push("consentWithdrawals",
                new Document("participantId", e.participantId()).append("receivedOn", e.receivedOn().toString())
                        .append("eraseBy", e.eraseBy().toString()).append("recordedBy", e.recordedBy())));
    }

    /** An application completed or withdrawn: its retention period counts from this moment. */
    private void ended(String id, ApplicationEvent e, String reason, Stamp stamp) {
        setStatus(id, e, reason);
        applications.updateOne(Filters.eq("_id", id), Updates.set("endedAt", Date.from(stamp.at())));
    }

    /** The status each event leads to is {@link ApplicationStatus#after}'s, so the board and the history agree. */
    private void setStatus(String id, ApplicationEvent e, String reason) {
        Bson update = Updates.set("status", ApplicationStatus.after(null, e).name());
        applications.updateOne(Filters.eq("_id", id), reason == null ? update
                : Updates.combine(update, Updates.set("lastReason", PersonalText.seal("application:" + id, reason))));
    }

    private static Bson formFields(String applicationId, ApplicationForm form) {
        String json;
        try {
            json = EventJson.writerAround(applicationId).writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ApplicationForm.Organisation o = form.organisation();
        return Updates.combine(
                Updates.set("form", json),
                Updates.set("programmeId", form.programmeId()),
                Updates.set("organisationShortName", o == null ? null : o.shortName()),
                Updates.set("organisationFullName", o == null ? null : o.fullName()),
                Updates.set("region", o == null ? null : o.region()),
                Updates.set("participantCount", form.participants().size()),
                searchIndexes(form.participants()));
    }

    /** What staff find an application by: every participant's surname and SNILS, kept only as blind indexes. */
    private static Bson searchIndexes(List<ApplicationForm.Participant> participants) {
        return Updates.combine(
                Updates.set("participantSurnames", participants.stream().filter(p -> p != null && p.surname() != null)
                        .map(p -> PersonalText.blindIndex(surnameKey(p.surname()))).distinct().toList()),
                Updates.set("snilses", participants.stream().filter(p -> p != null && p.snils() != null)
                        .map(p -> PersonalText.blindIndex(p.snils())).distinct().toList()));
    }

    private static String surnameKey(String surname) {
        return surname.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Detail> find(String id) {
        return Optional.ofNullable(applications.find(Filters.eq("_id", id)).first()).map(this::detail);
    }

    private Detail detail(Document d) {
        ApplicationForm form = form(d);
        List<Erasure> erasures = erasures(d);
        Date endedAt = d.getDate("endedAt");
        return new Detail(summary(d), form, PersonalText.open(d.getString("lastReason")),
                d.getBoolean("participantsLocked", false), corrections(d), erasures, consents(d, form, erasures),
                endedAt == null ? null : endedAt.toInstant());
    }

    /** Every participant's consent: none before the first submission. */
    private static List<Consent> consents(Document d, ApplicationForm form, List<Erasure> erasures) {
        Date confirmedAt = d.getDate("consentConfirmedAt");
        if (confirmedAt == null) {
            return List.of();
        }
        Map<String, Document> withdrawals = new HashMap<>();
        d.getList("consentWithdrawals", Document.class, List.of()).forEach(w -> withdrawals.put(w.getString("participantId"), w));
        List<Consent> consents = new ArrayList<>();
        for (ApplicationForm.Participant p : form.participants()) {
            if (p == null) {
                continue;
            }
            Document w = withdrawals.get(p.participantId());
            consents.add(new Consent(p.participantId(), d.getString("consentVersion"), confirmedAt.toInstant(),
                    d.getString("consentConfirmedBy"), w == null ? null : LocalDate.parse(w.getString("receivedOn")),
                    w == null ? null : LocalDate.parse(w.getString("eraseBy")),
                    w == null ? null : w.getString("recordedBy"),
                    erasures.stream().anyMatch(e -> p.participantId().equals(e.participantId()))));
        }
        return consents;
    }

    /**
     * What is still to be destroyed in an ended application: the keys of its subjects with no erasure yet, named
     * without decrypting anything (participants by id from the stored form), and the participants whose consent was
     * withdrawn.
     */
    public record Remaining(String applicationId, String number, String status, Instant endedAt,
            List<String> participantIds, boolean applicant, boolean signatory, boolean application,
            List<String> withdrawnConsents) {
    }

    /**
     * Ended applications (all, or the one named) that ended before {@code endedBefore} or have a withdrawn consent,
     * with what is left of them.
     */
    public List<Remaining> endedWithDataLeft(Instant endedBefore, Optional<String> only) {
        List<Remaining> found = new ArrayList<>();
        Bson ended = Filters.in("status", ApplicationStatus.COMPLETED.name(), ApplicationStatus.WITHDRAWN.name());
        Bson due = Filters.and(ended, Filters.or(Filters.lt("endedAt", Date.from(endedBefore)),
                Filters.exists("consentWithdrawals.0")));
        for (Document d : applications.find(only.map(id -> Filters.and(Filters.eq("_id", id), due)).orElse(due))) {
            List<Erasure> erasures = erasures(d);
            java.util.Set<String> done = new java.util.HashSet<>();
            erasures.forEach(e -> done.add(e.subject().keyName(d.getString("_id"), e.participantId())));
            JsonNode form;
            try {
                form = EventJson.mapper().readTree(d.getString("form")); // a tree: nothing is decrypted
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("unreadable form of " + d.getString("_id"), ex);
            }
            List<String> participants = new ArrayList<>();
            form.path("participants").forEach(p -> {
                String participantId = p.path("participantId").asText(null);
                if (participantId != null && !done.contains("participant:" + participantId)) {
                    participants.add(participantId);
                }
            });
            String id = d.getString("_id");
            List<String> withdrawn = d.getList("consentWithdrawals", Document.class, List.of()).stream()
                    .map(w -> w.getString("participantId")).filter(participants::contains).toList();
            Date endedAt = d.getDate("endedAt");
            found.add(new Remaining(id, d.getString("number"), d.getString("status"),
                    endedAt == null ? null : endedAt.toInstant(), participants,
                    !done.contains("applicant:" + id), !form.path("organisation").path("signatory").isMissingNode()
                            && !form.path("organisation").path("signatory").isNull() && !done.contains("signatory:" + id),
                    !done.contains("application:" + id), withdrawn));
        }
        return found;
    }

    /** An erasure with the application it was made in, for the list of what the retention pass destroyed. */
    public record ErasureInApplication(String applicationId, String number, Erasure erasure) {
    }

    /** Erasures made by {@code erasedBy} (the retention pass), newest first, at most {@code limit}. */
    public List<ErasureInApplication> erasuresBy(String erasedBy, int limit) {
        List<ErasureInApplication> found = new ArrayList<>();
        for (Document d : applications.find(Filters.eq("erasures.erasedBy", erasedBy))) {
            erasures(d).stream().filter(e -> erasedBy.equals(e.erasedBy()))
                    .forEach(e -> found.add(new ErasureInApplication(d.getString("_id"), d.getString("number"), e)));
        }
        found.sort(java.util.Comparator.comparing((ErasureInApplication e) -> e.erasure().erasedAt()).reversed());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** Withdrawn consents whose data are not destroyed yet, in every application (live ones too), by deadline. */
    public List<PendingWithdrawal> pendingWithdrawals() {
        List<PendingWithdrawal> found = new ArrayList<>();
        for (Document d : applications.find(Filters.exists("consentWithdrawals.0"))) {
            List<String> erased = d.getList("erasedParticipants", String.class, List.of());
            for (Document w : d.getList("consentWithdrawals", Document.class, List.of())) {
                if (!erased.contains(w.getString("participantId"))) {
                    found.add(new PendingWithdrawal(d.getString("_id"), d.getString("number"), d.getString("status"),
                            w.getString("participantId"), LocalDate.parse(w.getString("receivedOn")),
                            LocalDate.parse(w.getString("eraseBy"))));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(PendingWithdrawal::eraseBy));
        return found;
    }

    /** A withdrawn consent still waiting for its erasure (a live application cannot lose its data yet). */
    public record PendingWithdrawal(String applicationId, String number, String status, String participantId,
            LocalDate receivedOn, LocalDate eraseBy) {
    }

    public Page list(Filter filter, int page, int size) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.organisationInn() != null) {
            conditions.add(Filters.eq("organisationInn", filter.organisationInn()));
        }
        if (filter.draftedBy() != null) {
            conditions.add(Filters.eq("draftedBy", filter.draftedBy()));
        }
        if (filter.status() != null) {
            conditions.add(Filters.eq("status", filter.status()));
        }
        if (filter.programmeId() != null) {
            conditions.add(Filters.eq("programmeId", filter.programmeId()));
        }
        if (filter.region() != null) {
            conditions.add(Filters.eq("region", filter.region()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            conditions.add(Filters.eq("status", ApplicationStatus.SUBMITTED.name()));
            conditions.add(Filters.lt("reviewDueDate", today().toString()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            Pattern p = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            List<Bson> any = new ArrayList<>(List.of(Filters.regex("number", p), Filters.regex("organisationInn", p),
                    Filters.regex("organisationShortName", p), Filters.regex("organisationFullName", p),
                    Filters.eq("participantSurnames", PersonalText.blindIndex(surnameKey(text)))));
            String digits = text.replaceAll("\\D", "");
            if (digits.length() == 11) {
                any.add(Filters.eq("snilses", PersonalText.blindIndex(digits)));
            }
            if (filter.alsoIds() != null && !filter.alsoIds().isEmpty()) {
                any.add(Filters.in("_id", filter.alsoIds()));
            }
            conditions.add(Filters.or(any));
        }
        if (filter.onlyIds() != null) {
            conditions.add(Filters.in("_id", filter.onlyIds()));
        }
        Bson where = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        long total = applications.countDocuments(where);
        List<ApplicationSummary> items = new ArrayList<>();
        applications.find(where).sort(Sorts.descending("createdAt")).skip(page * size).limit(size)
                .forEach(d -> items.add(summary(d)));
        return new Page(items, total, page, size);
    }

    private static List<Erasure> erasures(Document d) {
        return d.getList("erasures", Document.class, List.of()).stream().map(x -> new Erasure(x.getString("erasureId"),
                PersonalDataErased.ErasureSubject.valueOf(x.getString("subject")), x.getString("participantId"),
                PersonalDataErased.ErasureBasis.valueOf(x.getString("basis")), x.getString("erasedBy"),
                x.getDate("erasedAt").toInstant())).toList();
    }

    private static List<Correction> corrections(Document d) {
        return d.getList("corrections", Document.class, List.of()).stream().map(c -> new Correction(
                c.getString("participantId"), c.getDate("at").toInstant(),
                c.getList("changes", Document.class, List.of()).stream().map(ch -> new Change(ch.getString("field"),
                        PersonalText.open(ch.getString("before")), PersonalText.open(ch.getString("after")))).toList()))
                .toList();
    }

    private LocalDate today() {
        return ProductionCalendar.today(clock);
    }

    private ApplicationSummary summary(Document d) {
        String status = d.getString("status");
        LocalDate due = d.getString("reviewDueDate") == null ? null : LocalDate.parse(d.getString("reviewDueDate"));
        String programmeId = d.getString("programmeId");
        String programmeTitle = programmeId == null ? null
                : catalogue.find(programmeId).map(ProgrammeView::title).orElse(null);
        Date submitted = d.getDate("submittedAt");
        return new ApplicationSummary(d.getString("_id"), d.getString("number"), d.getDate("createdAt").toInstant(),
                submitted == null ? null : submitted.toInstant(), status, ApplicationStatus.valueOf(status).title(),
                "обучение", programmeId, programmeTitle, d.getString("organisationInn"),
                d.getString("organisationShortName"), d.getString("region"),
                d.getInteger("participantCount", 0), due, Boolean.TRUE.equals(d.getBoolean("reviewDueProvisional")),
                ApplicationStatus.SUBMITTED.name().equals(status) && due != null && due.isBefore(today()),
                d.getString("draftedBy"));
    }
}
