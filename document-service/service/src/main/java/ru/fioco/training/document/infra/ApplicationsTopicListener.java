package ru.fioco.training.document.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.document.policy.ApplicationLifecyclePolicy;
import ru.fioco.training.document.query.ProgrammeCopy;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.events.EventTypes;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * What document-service learns from application-service's events: its copy of the programmes (rebuildable
 * from the topic as {@code programme-copy}) and the applications' steps that open and close slots.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements TopicFedReadModel {

    static final String CONSUMER = "document-service.applications";
    private static final EventTypes<ApplicationEvent> TYPES =
            EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ProgrammeCopy programmes;

    @Inject
    ApplicationLifecyclePolicy applications;

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
        if (event.payload() instanceof ProgrammePublished published) {
            programmes.apply(event, published);
        } else if (event.payload() instanceof ProgrammeChanged changed) {
            programmes.apply(event, changed);
        }
    }

    private void act(InboundEvent<ApplicationEvent> event) {
        Object e = event.payload();
        if (e instanceof ApplicationDrafted drafted) {
            applications.on(drafted);
        } else if (e instanceof ApplicationChanged changed) {
            applications.on(changed);
        } else if (e instanceof ApplicationSubmitted submitted) {
            applications.on(submitted);
        } else if (e instanceof ApplicationReturned returned) {
            applications.on(returned);
        } else if (e instanceof ApplicationWithdrawn withdrawn) {
            applications.on(withdrawn);
        }
    }

    @Override
    public Feed feed() {
        return new Feed("programme-copy", "applications", CONSUMER, List.of(ProgrammeCopy.COLLECTION));
    }
}
