package ru.fioco.training.application.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.application.api.ProgrammePublished;

/** The programme catalogue read model, projected from this service's own event store. */
@ApplicationScoped
@ProcessingGroup(ProgrammeCatalogue.PROCESSING_GROUP)
public class ProgrammeCatalogue {

    public static final String PROCESSING_GROUP = "programme-catalogue";

    @Inject
    MongoClient mongoClient;

    @ConfigProperty(name = "platform.mongodb.database")
    String database;

    private MongoCollection<Document> programmes;

    @PostConstruct
    void init() {
        programmes = mongoClient.getDatabase(database).getCollection("programmes");
    }

    @EventHandler
    void on(ProgrammePublished event) {
        Document doc = new Document("_id", event.programmeId())
                .append("title", event.title())
                .append("startDate", event.startDate().toString())
                .append("endDate", event.endDate().toString())
                .append("hours", event.hours())
                .append("subjects", event.subjects())
                .append("pricePerParticipant", event.pricePerParticipant().toPlainString()); // a string keeps the kopecks exact
        programmes.replaceOne(Filters.eq("_id", event.programmeId()), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<ProgrammeView> find(String id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id)).first()).map(ProgrammeCatalogue::view);
    }

    public List<ProgrammeView> all() {
        List<ProgrammeView> views = new ArrayList<>();
        programmes.find().sort(Sorts.ascending("startDate", "title")).forEach(d -> views.add(view(d)));
        return views;
    }

    static ProgrammeView view(Document d) {
        return new ProgrammeView(d.getString("_id"), d.getString("title"), LocalDate.parse(d.getString("startDate")),
                LocalDate.parse(d.getString("endDate")), d.getInteger("hours"), d.getList("subjects", String.class),
                new BigDecimal(d.getString("pricePerParticipant")), ProgrammeView.VAT_EXEMPT);
    }
}
