package ru.fioco.training.application.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.RepresentativeConfirmed;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeEvent;
import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.api.RepresentativeProfileChanged;
import ru.fioco.training.application.api.RepresentativeRefused;
import ru.fioco.training.application.api.RepresentativeRegistered;
import ru.fioco.training.application.api.RepresentativeRevoked;
import ru.fioco.training.application.api.RepresentativeSettings;
import ru.fioco.training.application.api.RepresentativeSettingsChanged;
import ru.fioco.training.application.api.RepresentativeStatus;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/**
 * Who represents which organisation, as staff review it and as the person sees their own request: one document per
 * representative, from this service's events.
 */
@ApplicationScoped
@ProcessingGroup(RepresentativeRegistry.PROCESSING_GROUP)
public class RepresentativeRegistry implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "representative-registry";
    private static final String COLLECTION = "representatives";

    /** A representative and their request, as of the last event. */
    public record View(String representativeId, RepresentativeStatus status, String statusTitle, String organisationInn,
            RepresentativeProfile profile, RepresentativeSettings settings, String agreementVersion,
            Instant agreementAcceptedAt, Instant registeredAt, Instant decidedAt, String reason, Erasure erasure) {
    }

    /** The destruction of a former representative's data: its id (the act's name), ground, who and when. */
    public record Erasure(String erasureId, PersonalDataErased.ErasureBasis basis, String basisTitle, String erasedBy,
            Instant erasedAt) {
    }

    /** A page of the staff's list, with the total for the pager. */
    public record Page(List<View> items, long total, int page, int size) {
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> representatives;

    @PostConstruct
    void init() {
        representatives = database.readModel(COLLECTION);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(COLLECTION);
    }

    private final EventHandlers<RepresentativeEvent, Instant> projection =
            EventHandlers.<RepresentativeEvent, Instant>of(RepresentativeEvent.class, PROCESSING_GROUP)
                    .handle(RepresentativeRegistered.class, (e, at) -> update(e, Updates.combine(
                            Updates.set("organisationInn", e.organisationInn()),
                            profile(e.representativeId(), e.profile()), settings(e.settings()),
                            Updates.set("agreementVersion", e.agreementVersion()),
                            Updates.set("agreementAcceptedAt", Date.from(e.agreementAcceptedAt())),
                            Updates.set("registeredAt", Date.from(at)),
                            Updates.set("decidedAt", null), Updates.set("reason", null))))
                    .handle(RepresentativeProfileChanged.class, (e, at) -> update(e, profile(e.representativeId(), e.profile())))
                    .handle(RepresentativeSettingsChanged.class, (e, at) -> update(e, settings(e.settings())))
                    .handle(RepresentativeConfirmed.class, (e, at) -> update(e, Updates.set("decidedAt", Date.from(at))))
                    .handle(RepresentativeRefused.class, (e, at) -> update(e, Updates.combine(
                            Updates.set("decidedAt", Date.from(at)), Updates.set("reason",
                                    PersonalText.seal("representative:" + e.representativeId(), e.reason())))))
                    .handle(RepresentativeRevoked.class, (e, at) -> update(e, Updates.combine(
                            Updates.set("decidedAt", Date.from(at)), Updates.set("reason",
                                    PersonalText.seal("representative:" + e.representativeId(), e.reason())))))
                    // the sealed values read «удалено» by themselves; the search keys go too
                    .handle(RepresentativeDataErased.class, (e, at) -> update(e, Updates.combine(
                            Updates.unset("personIndex"),
                            Updates.set("erasure", new Document("erasureId", e.erasureId())
                                    .append("basis", e.basis().name()).append("erasedBy", e.erasedBy())
                                    .append("erasedAt", Date.from(e.erasedAt()))))))
                    .build();

    @EventHandler
    void on(RepresentativeEvent event, @Timestamp Instant at) {
        projection.handle(event, at);
    }

    /** Every event moves the status the one way {@link RepresentativeStatus#after} says. */
    private void update(RepresentativeEvent e, Bson changes) {
        Document current = representatives.find(Filters.eq("_id", e.representativeId())).first();
        RepresentativeStatus before = current == null || current.getString("status") == null ? null
                : RepresentativeStatus.valueOf(current.getString("status"));
        RepresentativeStatus after = RepresentativeStatus.after(before, e);
        representatives.updateOne(Filters.eq("_id", e.representativeId()),
                Updates.combine(changes, Updates.set("status", after == null ? null : after.name())),
                new UpdateOptions().upsert(true));
    }

    /**
     * The profile as kept: the person's data sealed with their key ({@code representative:<id>}, erasable like any
     * person's), found only by exact surname, login or e-mail through blind indexes; the organisation's name as it is.
     */
    private static Bson profile(String representativeId, RepresentativeProfile p) {
        String key = "representative:" + representativeId;
        return Updates.combine(Updates.set("surname", PersonalText.seal(key, p.surname())),
                Updates.set("name", PersonalText.seal(key, p.name())),
                Updates.set("patronymic", PersonalText.seal(key, p.patronymic())),
                Updates.set("organisationName", p.organisationName()),
                Updates.set("position", PersonalText.seal(key, p.position())),
                Updates.set("education", PersonalText.seal(key, p.education())),
                Updates.set("email", PersonalText.seal(key, p.email())),
                Updates.set("phone", PersonalText.seal(key, p.phone())),
                Updates.set("login", PersonalText.seal(key, p.login())),
                Updates.set("personIndex", Stream.of(p.surname(), p.login(), p.email()).filter(Objects::nonNull)
                        .map(v -> PersonalText.blindIndex(v.strip().toLowerCase(Locale.ROOT))).distinct().toList()));
    }

    private static Bson settings(RepresentativeSettings s) {
        return Updates.combine(Updates.set("trainingApplications", s.trainingApplications()),
                Updates.set("supportRequests", s.supportRequests()),
                Updates.set("eventApplications", s.eventApplications()));
    }

    public Optional<View> find(String representativeId) {
        return Optional.ofNullable(representatives.find(Filters.eq("_id", representativeId)).first())
                .map(RepresentativeRegistry::view);
    }

    /**
     * Staff's list: by status (null: any), and {@code text} found in the INN, the organisation's name, the surname,
     * the login or the e-mail; the oldest request first, so that nobody waits longest.
     */
    public Page list(RepresentativeStatus status, String text, int page, int size) {
        List<Bson> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add(Filters.eq("status", status.name()));
        }
        if (text != null && !text.isBlank()) {
            Pattern p = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            // the organisation by any part of its INN or name; a person only by the whole surname, login or e-mail
            conditions.add(Filters.or(Filters.regex("organisationInn", p), Filters.regex("organisationName", p),
                    Filters.eq("personIndex", PersonalText.blindIndex(text.strip().toLowerCase(Locale.ROOT)))));
        }
        Bson where = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<View> items = representatives.find(where).sort(Sorts.ascending("registeredAt", "_id"))
                .skip(page * size).limit(size).map(RepresentativeRegistry::view).into(new ArrayList<>());
        return new Page(items, representatives.countDocuments(where), page, size);
    }

    private static View view(Document d) {
        RepresentativeStatus status = d.getString("status") == null ? null : RepresentativeStatus.valueOf(d.getString("status"));
        return new View(d.getString("_id"), status, status == null ? null : status.title(), d.getString("organisationInn"),
                new RepresentativeProfile(open(d, "surname"), open(d, "name"), open(d, "patronymic"),
                        d.getString("organisationName"), open(d, "position"), open(d, "education"),
                        open(d, "email"), open(d, "phone"), open(d, "login")),
                new RepresentativeSettings(d.getBoolean("trainingApplications", true),
                        d.getBoolean("supportRequests", false), d.getBoolean("eventApplications", false)),
                d.getString("agreementVersion"), instant(d, "agreementAcceptedAt"), instant(d, "registeredAt"),
                instant(d, "decidedAt"), open(d, "reason"), erasure(d.get("erasure", Document.class)));
    }

    private static Erasure erasure(Document e) {
        if (e == null) {
            return null;
        }
        PersonalDataErased.ErasureBasis basis = PersonalDataErased.ErasureBasis.valueOf(e.getString("basis"));
        return new Erasure(e.getString("erasureId"), basis, basis.title(), e.getString("erasedBy"),
                e.getDate("erasedAt").toInstant());
    }

    private static String open(Document d, String field) {
        return PersonalText.open(d.getString(field));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
