package ru.fioco.training.document.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.document.policy.ApplicationLifecyclePolicy;
import ru.fioco.training.document.query.ProgrammeCopy;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads application-service's events: each goes to the copy of the programmes (rebuildable from the topic as
 * {@code programme-copy}), then to the policy that opens and closes the applications' document files.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "document-service.applications";
    private static final EventTypes<ApplicationEvent> TYPES =
            EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ProgrammeCopy programmes;

    @Inject
    ApplicationLifecyclePolicy applications;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("applications")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, programmes::copy, event -> applications.on(event.payload()));
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, programmes::copy);
    }

    @Override
    public Feed feed() {
        return new Feed("programme-copy", "applications", CONSUMER, List.of(ProgrammeCopy.COLLECTION));
    }
}
