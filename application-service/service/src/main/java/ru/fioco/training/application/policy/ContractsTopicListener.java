package ru.fioco.training.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.application.domain.ApplicationCommands.CompleteApplication;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.events.EventTypes;

/** A closed contract completes its application («выполнена»). */
@ApplicationScoped
public class ContractsTopicListener {

    static final String CONSUMER = "application-service.contracts";
    private static final EventTypes<ContractEvent> TYPES = EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    CommandGateway commands;

    @Incoming("contracts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, event -> {
            if (event.payload() instanceof ContractClosed closed) {
                commands.sendAndWait(new CompleteApplication(closed.applicationId()));
            }
        });
    }
}
