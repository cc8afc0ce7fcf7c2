package ru.fioco.training.contract.api;

import java.time.LocalDate;

/** Staff concluded the contract: documents accepted, no later than 3 working days before the start. */
public record ContractConcluded(String applicationId, LocalDate concludedOn) implements ContractEvent {
}
