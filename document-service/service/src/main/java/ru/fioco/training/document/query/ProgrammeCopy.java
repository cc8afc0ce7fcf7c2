package ru.fioco.training.document.query;

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
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.ReadModelUpdate;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * document-service's own copy of the programme catalogue, kept from the {@code applications} topic:
 * what it needs to know of a programme (its period and subjects) without asking application-service.
 */
@ApplicationScoped
public class ProgrammeCopy {

    /** A programme as document-service knows it; {@code revision} counts the events applied. */
    public record Programme(String id, String title, LocalDate startDate, LocalDate endDate, List<String> subjects,
            int revision) {
    }

    public static final String COLLECTION = "programmes";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> programmes;

    @PostConstruct
    void init() {
        programmes = database.readModel(COLLECTION);
    }

    private final EventHandlers<ApplicationEvent, InboundEvent<?>> copies =
            EventHandlers.<ApplicationEvent, InboundEvent<?>>of(ApplicationEvent.class, "document-service programme copy")
                    .handle(ProgrammePublished.class, (p, event) -> record(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.subjects()))
                    .handle(ProgrammeChanged.class, (p, event) -> record(event, p.programmeId(), p.title(),
                            p.startDate(), p.endDate(), p.subjects()))
                    .ignore(ProgrammeClosed.class, ApplicationDrafted.class, ApplicationChanged.class,
                            ApplicationSubmitted.class, ApplicationReturned.class, ApplicationTakenIntoWork.class,
                            ApplicationWithdrawn.class, ApplicationCompleted.class, ParticipantCorrected.class,
                            ParticipantsLocked.class, PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    /** Keeps what the event says of a programme; a rebuild replays exactly this. */
    public void copy(InboundEvent<ApplicationEvent> event) {
        copies.handle(event.payload(), event);
    }

    private void record(InboundEvent<?> event, String programmeId, String title, LocalDate start, LocalDate end,
            List<String> subjects) {
        ReadModelUpdate.apply(programmes, programmeId, event.id(), List.of(
                Updates.set("title", title),
                Updates.set("startDate", start.toString()),
                Updates.set("endDate", end.toString()),
                Updates.set("subjects", subjects)));
    }

    public Optional<Programme> find(String id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id)).first())
                .map(d -> new Programme(d.getString("_id"), d.getString("title"), LocalDate.parse(d.getString("startDate")),
                        LocalDate.parse(d.getString("endDate")), d.getList("subjects", String.class),
                        d.getInteger(ReadModelUpdate.REVISION)));
    }
}
