package ru.fioco.training.contract.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.contract.policy.ContractOpeningPolicy;
import ru.fioco.training.contract.query.ApplicationCopy;
import ru.fioco.training.contract.query.ProgrammeTerms;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads application-service's events: each goes to the copies of the programmes' terms and of the submitted
 * applications (rebuildable from the topic as {@code applications-copy}), then to the policy that opens a
 * contract when an application is taken into work.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "contract-service.applications";
    private static final EventTypes<ApplicationEvent> TYPES =
            EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ProgrammeTerms terms;

    @Inject
    ApplicationCopy applications;

    @Inject
    ContractOpeningPolicy contracts;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("applications")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, this::copy, event -> contracts.on(event.payload()));
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, this::copy);
    }

    private void copy(InboundEvent<ApplicationEvent> event) {
        terms.copy(event);
        applications.copy(event);
    }

    @Override
    public Feed feed() {
        return new Feed("applications-copy", "applications", CONSUMER,
                List.of(ProgrammeTerms.COLLECTION, ApplicationCopy.COLLECTION));
    }
}
