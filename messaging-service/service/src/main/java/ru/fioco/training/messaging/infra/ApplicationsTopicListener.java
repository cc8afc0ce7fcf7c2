package ru.fioco.training.messaging.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.messaging.policy.NoticePolicy;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * What messaging-service learns from application-service's events: the applications' and programmes' facts its
 * notices mention (rebuildable from the topic as {@code application-facts}), and the steps that become notices.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements TopicFedReadModel {

    static final String CONSUMER = "messaging-service.applications";
    private static final EventTypes<ApplicationEvent> TYPES =
            EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ApplicationFacts facts;

    @Inject
    NoticePolicy notices;

    @Incoming("applications")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, this::copy, this::act);
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, this::copy);
    }

    private void copy(InboundEvent<ApplicationEvent> event) {
        Object e = event.payload();
        if (e instanceof ProgrammePublished published) {
            facts.apply(event, published);
        } else if (e instanceof ProgrammeChanged changed) {
            facts.apply(event, changed);
        } else if (e instanceof ApplicationDrafted drafted) {
            facts.recordForm(event, drafted.applicationId(), drafted.organisationInn(), null, drafted.form());
        } else if (e instanceof ApplicationChanged changed) {
            facts.recordForm(event, changed.applicationId(), null, null, changed.form());
        } else if (e instanceof ApplicationSubmitted submitted) {
            facts.recordForm(event, submitted.applicationId(), null, submitted.number(), submitted.form());
        }
    }

    private void act(InboundEvent<ApplicationEvent> event) {
        Object e = event.payload();
        if (e instanceof ProgrammeChanged changed) {
            notices.programmeChanged(changed.programmeId());
        } else if (e instanceof ApplicationSubmitted submitted) {
            notices.on(event, submitted);
        } else if (e instanceof ApplicationReturned returned) {
            notices.on(event, returned);
        } else if (e instanceof ApplicationTakenIntoWork taken) {
            notices.onTakenIntoWork(event, taken.applicationId());
        } else if (e instanceof ApplicationWithdrawn withdrawn) {
            notices.on(event, withdrawn);
        } else if (e instanceof ApplicationCompleted completed) {
            notices.onCompleted(completed.applicationId());
        }
    }

    @Override
    public Feed feed() {
        return new Feed("application-facts", "applications", CONSUMER, List.of(ApplicationFacts.APPLICATIONS, ApplicationFacts.PROGRAMMES));
    }
}
