package ru.fioco.training.contract.api;

/** Everything is done: application-service marks the application completed. */
public record ContractClosed(String applicationId) implements ContractEvent {
}
