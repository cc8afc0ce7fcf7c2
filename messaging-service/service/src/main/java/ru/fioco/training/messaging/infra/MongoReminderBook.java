package ru.fioco.training.messaging.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.domain.Reminder;
import ru.fioco.training.messaging.domain.ReminderBook;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The reminders, as Mongo documents ({@code reminders}): scheduled, then fired, expired or cancelled, never
 * deleted. Because they are data, a restart finds them; because a reminder's id is fixed by what it is about,
 * scheduling it twice keeps one.
 */
@ApplicationScoped
public class MongoReminderBook implements ReminderBook {

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> reminders;

    @PostConstruct
    void init() {
        reminders = database.collection("reminders");
    }

    @Override
    public void schedule(Reminder r) {
        reminders.updateMany(Filters.and(Filters.eq("applicationId", r.applicationId()), Filters.eq("kind", r.kind().name()),
                        Filters.eq("status", Status.SCHEDULED.name()), Filters.ne("_id", r.id())),
                Updates.combine(Updates.set("status", Status.CANCELLED.name()), Updates.set("settledAt", new Date()),
                        Updates.set("note", "перенесено на " + r.about()), Updates.set("moved", true)));
        try {
            reminders.insertOne(new Document("_id", r.id())
                    .append("applicationId", r.applicationId())
                    .append("kind", r.kind().name())
                    .append("about", r.about().toString())
                    .append("fireAt", Date.from(r.fireAt()))
                    .append("expiresAt", r.expiresAt().equals(Instant.MAX) ? null : Date.from(r.expiresAt()))
                    .append("provisional", r.provisional())
                    .append("status", Status.SCHEDULED.name()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // known already: the same reminder is not made twice; but one cancelled only because its date moved away
            // and now moved back is due again (a reminder cancelled because its matter was done stays cancelled)
            reminders.updateOne(Filters.and(Filters.eq("_id", r.id()), Filters.eq("status", Status.CANCELLED.name()),
                            Filters.eq("moved", true)),
                    Updates.combine(Updates.set("status", Status.SCHEDULED.name()), Updates.set("fireAt", Date.from(r.fireAt())),
                            Updates.set("expiresAt", r.expiresAt().equals(Instant.MAX) ? null : Date.from(r.expiresAt())),
                            Updates.set("provisional", r.provisional()), Updates.unset("settledAt"), Updates.unset("note"),
                            Updates.unset("moved")));
        }
    }

    @Override
    public void cancel(String applicationId, Collection<NoticeKind> kinds, String note) {
        reminders.updateMany(Filters.and(Filters.eq("applicationId", applicationId),
                        Filters.in("kind", kinds.stream().map(Enum::name).toList()),
                        Filters.eq("status", Status.SCHEDULED.name())),
                Updates.combine(Updates.set("status", Status.CANCELLED.name()), Updates.set("settledAt", new Date()),
                        Updates.set("note", note)));
    }

    @Override
    public List<Reminder> due(Instant now, int limit) {
        return reminders.find(Filters.and(Filters.eq("status", Status.SCHEDULED.name()), Filters.lte("fireAt", Date.from(now))))
                .sort(Sorts.ascending("fireAt")).limit(limit).map(MongoReminderBook::reminder).into(new ArrayList<>());
    }

    @Override
    public boolean settle(String id, Status status, Instant at, String note) {
        return reminders.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", Status.SCHEDULED.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("settledAt", Date.from(at)),
                        Updates.set("note", note))).getModifiedCount() == 1;
    }

    @Override
    public List<Entry> of(String applicationId) {
        return reminders.find(Filters.eq("applicationId", applicationId)).sort(Sorts.ascending("fireAt"))
                .map(d -> new Entry(reminder(d), Status.valueOf(d.getString("status")),
                        d.getDate("settledAt") == null ? null : d.getDate("settledAt").toInstant(), d.getString("note")))
                .into(new ArrayList<>());
    }

    private static Reminder reminder(Document d) {
        Date expires = d.getDate("expiresAt");
        return new Reminder(d.getString("_id"), d.getString("applicationId"), NoticeKind.valueOf(d.getString("kind")),
                LocalDate.parse(d.getString("about")), d.getDate("fireAt").toInstant(),
                expires == null ? Instant.MAX : expires.toInstant(), d.getBoolean("provisional", false));
    }
}
