package ru.fioco.training.contract.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

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
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** The submitted applications as contract-service needs them (requisites, participants), kept from {@code applications}. */
@ApplicationScoped
public class ApplicationCopy {

    /** A submitted application: its number and its form as submitted. */
    public record Submitted(String applicationId, String number, ApplicationForm form) {
    }

    public static final String COLLECTION = "submitted_applications";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> applications;

    @PostConstruct
    void init() {
        applications = database.readModel(COLLECTION);
    }

    private final EventHandlers<ApplicationEvent, Void> copies =
            EventHandlers.<ApplicationEvent, Void>of(ApplicationEvent.class, "contract-service application copy")
                    .handle(ApplicationSubmitted.class, this::submitted)
                    .handle(ParticipantCorrected.class, this::corrected)
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class,
                            ApplicationDrafted.class, ApplicationChanged.class, ApplicationReturned.class,
                            ApplicationTakenIntoWork.class, ApplicationWithdrawn.class, ApplicationCompleted.class, ParticipantsLocked.class,
                            PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    /** Keeps the form as submitted; a rebuild replays exactly this. */
    public void copy(InboundEvent<ApplicationEvent> event) {
        copies.handle(event.payload(), null);
    }

    private void submitted(ApplicationSubmitted e) {
        store(e.applicationId(), e.number(), e.form());
    }

    private void store(String applicationId, String number, ApplicationForm form) {
        try {
            applications.replaceOne(Filters.eq("_id", applicationId), new Document("_id", applicationId)
                    .append("number", number).append("form", EventJson.writerAround(applicationId).writeValueAsString(form)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The form as submitted, with the participant as corrected since. */
    private void corrected(ParticipantCorrected e) {
        find(e.applicationId()).ifPresent(submitted -> {
            ApplicationForm form = submitted.form();
            List<ApplicationForm.Participant> participants = new ArrayList<>(form.participants());
            participants.replaceAll(p -> p != null && p.participantId().equals(e.participantId()) ? e.after() : p);
            store(e.applicationId(), submitted.number(), new ApplicationForm(form.applicant(), form.resultDelivery(),
                    form.viaProcurementPlatform(), form.comment(), form.paymentTerms(), form.programmeId(),
                    form.organisation(), form.personalDataConsent(), participants));
        });
    }

    public Optional<Submitted> find(String applicationId) {
        return Optional.ofNullable(applications.find(Filters.eq("_id", applicationId)).first()).map(d -> {
            try {
                return new Submitted(applicationId, d.getString("number"),
                        EventJson.mapper().readValue(d.getString("form"), ApplicationForm.class));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }
}
