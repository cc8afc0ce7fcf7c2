package ru.fioco.training.application.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
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
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/** The programme catalogue read model, projected from this service's own event store. */
@ApplicationScoped
@ProcessingGroup(ProgrammeCatalogue.PROCESSING_GROUP)
public class ProgrammeCatalogue implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "programme-catalogue";

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of("programmes");
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> programmes;

    @PostConstruct
    void init() {
        programmes = database.readModel("programmes");
    }

    private final EventHandlers<ApplicationEvent, Void> projection =
            EventHandlers.<ApplicationEvent, Void>of(ApplicationEvent.class, PROCESSING_GROUP)
                    .handle(ProgrammePublished.class, this::published)
                    .handle(ProgrammeChanged.class, this::changed)
                    .handle(ProgrammeClosed.class, this::closed)
                    .ignore(ApplicationDrafted.class, ApplicationChanged.class, ApplicationSubmitted.class,
                            ApplicationReturned.class, ApplicationTakenIntoWork.class, ApplicationWithdrawn.class,
                            ApplicationCompleted.class, ParticipantCorrected.class, ParticipantsLocked.class,
                            PersonalDataErased.class, ConsentWithdrawn.class)
                    .build();

    @EventHandler
    void on(ApplicationEvent event) {
        projection.handle(event, null);
    }

    private void published(ProgrammePublished e) {
        programmes.updateOne(Filters.eq("_id", e.programmeId()), Updates.combine(
                description(e.title(), e.startDate(), e.endDate(), e.hours(), e.subjects(), e.pricePerParticipant(),
                        e.lmsCourseUrl(), e.tutors()),
                Updates.set("open", true)), new UpdateOptions().upsert(true));
    }

    private void changed(ProgrammeChanged e) {
        programmes.updateOne(Filters.eq("_id", e.programmeId()), description(e.title(), e.startDate(), e.endDate(),
                e.hours(), e.subjects(), e.pricePerParticipant(), e.lmsCourseUrl(), e.tutors()));
    }

    private void closed(ProgrammeClosed e) {
        programmes.updateOne(Filters.eq("_id", e.programmeId()), Updates.set("open", false));
    }

    private static Bson description(String title, LocalDate start, LocalDate end, int hours, List<String> subjects,
            BigDecimal price, String lmsCourseUrl, List<Tutor> tutors) {
        return Updates.combine(
                Updates.set("title", title),
                Updates.set("startDate", start.toString()),
                Updates.set("endDate", end.toString()),
                Updates.set("hours", hours),
                Updates.set("subjects", subjects),
                Updates.set("pricePerParticipant", price.toPlainString()), // a string keeps the kopecks exact
                Updates.set("lmsCourseUrl", lmsCourseUrl),
                Updates.set("tutors", tutors.stream().map(t -> new Document("name", t.name()).append("email", t.email())).toList()));
    }

    public Optional<ProgrammeView> find(String id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id)).first()).map(ProgrammeCatalogue::view);
    }

    /** The catalogue, earliest start first; closed programmes only when asked for. */
    public List<ProgrammeView> list(boolean includeClosed) {
        List<ProgrammeView> views = new ArrayList<>();
        programmes.find(includeClosed ? new Document() : Filters.eq("open", true))
                .sort(Sorts.ascending("startDate", "title")).forEach(d -> views.add(view(d)));
        return views;
    }

    static ProgrammeView view(Document d) {
        List<Tutor> tutors = d.getList("tutors", Document.class, List.of()).stream()
                .map(t -> new Tutor(t.getString("name"), t.getString("email"))).toList();
        return new ProgrammeView(d.getString("_id"), d.getString("title"), LocalDate.parse(d.getString("startDate")),
                LocalDate.parse(d.getString("endDate")), d.getInteger("hours"), d.getList("subjects", String.class),
                new BigDecimal(d.getString("pricePerParticipant")), ProgrammeView.VAT_EXEMPT,
                d.getString("lmsCourseUrl"), tutors, d.getBoolean("open", true));
    }
}
