package ru.fioco.training.contract.api;

/**
 * The topic contract-service will publish on. Its events (contract opened, drafts issued, concluded,
 * access granted, invoice, payment, act, certificates, shipment) arrive with the Contracts work;
 * until then this module only names the topic.
 */
public final class ContractTopic {

    public static final String TOPIC = "contracts";
    public static final String TYPE_PREFIX = "ru.fioco.training.contracts";

    private ContractTopic() {
    }
}
