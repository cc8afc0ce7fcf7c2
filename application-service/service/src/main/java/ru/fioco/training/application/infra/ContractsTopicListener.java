package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.policy.ContractStepsPolicy;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;

/** Reads contract-service's events and hands each to the policy that follows the contract's steps. */
@ApplicationScoped
public class ContractsTopicListener implements InboundListener {

    static final String CONSUMER = "application-service.contracts";
    private static final EventTypes<ContractEvent> TYPES = EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ContractStepsPolicy contractSteps;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("contracts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, event -> contractSteps.on(event.payload()));
    }
}
