package ru.fioco.training.contract.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.contract.policy.ContractOpeningPolicy;
import ru.fioco.training.contract.query.ApplicationCopy;
import ru.fioco.training.contract.query.ProgrammeTerms;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * What contract-service learns from application-service's events: its copies of the programmes' terms and of
 * the submitted applications (rebuildable from the topic as {@code applications-copy}), and the moment an
 * application is taken into work, which opens its contract.
 */
@ApplicationScoped
public class ApplicationsTopicListener implements TopicFedReadModel {

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
            terms.apply(event, published);
        } else if (event.payload() instanceof ProgrammeChanged changed) {
            terms.apply(event, changed);
        } else if (event.payload() instanceof ApplicationSubmitted submitted) {
            applications.apply(submitted);
        }
    }

    private void act(InboundEvent<ApplicationEvent> event) {
        if (event.payload() instanceof ApplicationTakenIntoWork taken) {
            contracts.on(taken);
        }
    }

    @Override
    public Feed feed() {
        return new Feed("applications-copy", "applications", CONSUMER,
                List.of(ProgrammeTerms.COLLECTION, ApplicationCopy.COLLECTION));
    }
}
