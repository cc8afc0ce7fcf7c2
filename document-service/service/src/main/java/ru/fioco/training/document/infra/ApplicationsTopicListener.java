package ru.fioco.training.document.infra;

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
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.events.EventTypes;

/** What document-service learns from application-service's events. */
@ApplicationScoped
public class ApplicationsTopicListener {

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
        inbound.dispatch(CONSUMER, record, TYPES, event -> {
            Object e = event.payload();
            if (e instanceof ProgrammePublished published) {
                programmes.apply(event, published);
            } else if (e instanceof ProgrammeChanged changed) {
                programmes.apply(event, changed);
            } else if (e instanceof ApplicationDrafted drafted) {
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
        });
    }
}
