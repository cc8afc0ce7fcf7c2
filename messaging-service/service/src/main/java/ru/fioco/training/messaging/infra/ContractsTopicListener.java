package ru.fioco.training.messaging.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.messaging.policy.NoticePolicy;
import ru.fioco.training.messaging.policy.ReminderPolicy;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads contract-service's events: each goes to the copy of the contract's period and conclusion (rebuildable
 * from the topic as {@code contract-facts}), then to the notice and reminder policies.
 */
@ApplicationScoped
public class ContractsTopicListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "messaging-service.contracts";
    private static final EventTypes<ContractEvent> TYPES = EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX);

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

    @Incoming("contracts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, facts::copyContracts, event -> {
            notices.onContract(event);
            reminders.onContract(event.payload());
        });
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, facts::copyContracts);
    }

    @Override
    public Feed feed() {
        return new Feed("contract-facts", "contracts", CONSUMER, List.of(ApplicationFacts.CONTRACTS));
    }
}
