package ru.fioco.training.contract.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

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
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.domain.CourseCatalogue;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.ReadModelUpdate;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * contract-service's own copy of what a contract needs of a programme (period, hours, price), kept
 * from the {@code applications} topic without asking application-service.
 */
@ApplicationScoped
public class ProgrammeTerms implements CourseCatalogue {

    /** The terms of a programme; {@code revision} counts the events applied. */
    public record Terms(String id, String title, LocalDate startDate, LocalDate endDate, int hours,
            BigDecimal pricePerParticipant, String lmsCourseUrl, String tutorName, String tutorEmail, int revision) {
    }

    public static final String COLLECTION = "programme_terms";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> terms;

    @PostConstruct
    void init() {
        terms = database.readModel(COLLECTION);
    }

    private final EventHandlers<ApplicationEvent, InboundEvent<?>> copies =
            EventHandlers.<ApplicationEvent, InboundEvent<?>>of(ApplicationEvent.class, "contract-service programme terms")
                    .handle(ProgrammePublished.class, (p, event) -> record(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.hours(), p.pricePerParticipant(), p.lmsCourseUrl(), p.tutors()))
                    .handle(ProgrammeChanged.class, (p, event) -> record(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.hours(), p.pricePerParticipant(), p.lmsCourseUrl(), p.tutors()))
                    .ignore(ProgrammeClosed.class, ApplicationDrafted.class, ApplicationChanged.class,
                            ApplicationSubmitted.class, ApplicationReturned.class, ApplicationTakenIntoWork.class,
                            ApplicationWithdrawn.class, ApplicationCompleted.class, ParticipantCorrected.class, ParticipantsLocked.class,
                            PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    /** Keeps what the event says of a programme's terms; a rebuild replays exactly this. */
    public void copy(InboundEvent<ApplicationEvent> event) {
        copies.handle(event.payload(), event);
    }

    private void record(InboundEvent<?> event, String programmeId, String title, LocalDate start, LocalDate end,
            int hours, BigDecimal price, String lmsCourseUrl, List<Tutor> tutors) {
        Tutor tutor = tutors.isEmpty() ? null : tutors.get(0);
        ReadModelUpdate.apply(terms, programmeId, event.id(), List.of(
                Updates.set("title", title),
                Updates.set("startDate", start.toString()),
                Updates.set("endDate", end.toString()),
                Updates.set("hours", hours),
                // a string keeps the kopecks exact
                Updates.set("pricePerParticipant", price.toPlainString()),
                Updates.set("lmsCourseUrl", lmsCourseUrl),
                Updates.set("tutorName", tutor == null ? null : tutor.name()),
                Updates.set("tutorEmail", tutor == null ? null : tutor.email()),
                Updates.set("tutors", tutors.stream()
                        .map(t -> new Document("name", t.name()).append("email", t.email())).toList())));
    }

    /** The programme's course as it is now; every tutor, in the programme's order. */
    @Override
    public Optional<Course> of(String programmeId) {
        return Optional.ofNullable(terms.find(Filters.eq("_id", programmeId)).first()).map(d -> new Course(
                d.getString("lmsCourseUrl"), d.containsKey("tutors")
                        ? d.getList("tutors", Document.class).stream()
                                .map(t -> new CourseAccessGranted.Tutor(t.getString("name"), t.getString("email"))).toList()
                        // a copy kept before it listed every tutor: its one tutor
                        : d.getString("tutorName") == null ? List.of()
                                : List.of(new CourseAccessGranted.Tutor(d.getString("tutorName"), d.getString("tutorEmail"))),
                LocalDate.parse(d.getString("startDate")), LocalDate.parse(d.getString("endDate"))));
    }

    public Optional<Terms> find(String id) {
        return Optional.ofNullable(terms.find(Filters.eq("_id", id)).first())
                .map(d -> new Terms(d.getString("_id"), d.getString("title"), LocalDate.parse(d.getString("startDate")),
                        LocalDate.parse(d.getString("endDate")), d.getInteger("hours"),
                        new BigDecimal(d.getString("pricePerParticipant")), d.getString("lmsCourseUrl"),
                        d.getString("tutorName"), d.getString("tutorEmail"), d.getInteger(ReadModelUpdate.REVISION)));
    }
}
