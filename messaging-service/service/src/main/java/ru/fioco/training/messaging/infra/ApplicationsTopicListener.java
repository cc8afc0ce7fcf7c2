package ru.fioco.training.messaging.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.messaging.policy.NoticePolicy;
import ru.fioco.training.messaging.policy.ReminderPolicy;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads application-service's events: each goes to the copy of the applications' and programmes' facts that
 * notices mention (rebuildable from the topic as {@code application-facts}), then to the notice and reminder
 * policies.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "messaging-service.applications";
    private static final EventTypes<ApplicationEvent> TYPES =
            EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ApplicationFacts facts;

    @Inject
    NoticePolicy notices;

    @Inject
    ReminderPolicy reminders;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("applications")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, facts::copyApplications, event -> {
            notices.onApplication(event);
            reminders.onApplication(event.payload());
        });
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, facts::copyApplications);
    }

    @Override
    public Feed feed() {
        return new Feed("application-facts", "applications", CONSUMER, List.of(ApplicationFacts.APPLICATIONS, ApplicationFacts.PROGRAMMES));
    }
}
