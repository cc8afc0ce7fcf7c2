package ru.fioco.training.messaging.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** The passes over due reminders and mails, the failed mails, a thread's messages by sequence, the lists of threads, an application's reminders and parked notices, a programme's applications. */
@ApplicationScoped
public class MessagingQueryIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(
                new Index("reminders", Indexes.ascending("status", "fireAt")),
                new Index("reminders", Indexes.ascending("applicationId", "fireAt")),
                new Index("mail_outbox", Indexes.ascending("status", "nextAttemptAt")),
                new Index("mail_outbox", Indexes.ascending("status", "failedAt")),
                new Index("thread_messages", Indexes.ascending("applicationId", "sequence")),
                new Index("threads", Indexes.ascending("organisationInn")),
                new Index("parked_notices", Indexes.ascending("applicationId", "eventTime")),
                new Index("application_facts", Indexes.ascending("programmeId")));
    }
}
