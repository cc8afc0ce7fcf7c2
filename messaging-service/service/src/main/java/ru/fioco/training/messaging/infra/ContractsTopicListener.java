package ru.fioco.training.messaging.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.messaging.policy.NoticePolicy;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * What messaging-service learns from contract-service's events: the contract's period and conclusion (rebuildable
 * from the topic as {@code contract-facts}), and the contract's steps, which become notices and reminders.
 */
@ApplicationScoped
public class ContractsTopicListener implements TopicFedReadModel {

    static final String CONSUMER = "messaging-service.contracts";
    private static final EventTypes<ContractEvent> TYPES = EventTypes.ofSealed(ContractEvent.class, ContractEvent.TYPE_PREFIX);

    @Inject
    InboundEvents inbound;

    @Inject
    ApplicationFacts facts;

    @Inject
    NoticePolicy notices;

    @Incoming("contracts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch(CONSUMER, record, TYPES, this::copy, this::act);
    }

    @Override
    public void replay(ConsumerRecord<String, String> record) {
        inbound.replay(CONSUMER, record, TYPES, this::copy);
    }

    private void copy(InboundEvent<ContractEvent> event) {
        Object e = event.payload();
        if (e instanceof ContractOpened opened) {
            facts.recordContract(event, opened.applicationId(), opened.terms().applicationNumber(),
                    opened.terms().organisationInn(), opened.terms().programmeStart());
        } else if (e instanceof ContractConcluded concluded) {
            facts.markConcluded(event, concluded.applicationId());
        }
    }

    private void act(InboundEvent<ContractEvent> event) {
        Object e = event.payload();
        if (e instanceof ContractDraftsIssued drafts) {
            notices.on(event, drafts);
        } else if (e instanceof ContractConcluded concluded) {
            notices.on(event, concluded);
        } else if (e instanceof CourseAccessGranted access) {
            notices.on(event, access);
        } else if (e instanceof InvoiceIssued invoice) {
            notices.on(event, invoice);
        } else if (e instanceof PaymentRecorded payment) {
            notices.on(event, payment);
        } else if (e instanceof ServiceActIssued act) {
            notices.on(event, act);
        } else if (e instanceof SignedActAccepted signed) {
            notices.on(event, signed);
        } else if (e instanceof OriginalsReceived received) {
            notices.onOriginalsReceived(received.applicationId());
        } else if (e instanceof PackageShipped shipped) {
            notices.on(event, shipped);
        }
    }

    @Override
    public Feed feed() {
        return new Feed("contract-facts", "contracts", CONSUMER, List.of(ApplicationFacts.CONTRACTS));
    }
}
