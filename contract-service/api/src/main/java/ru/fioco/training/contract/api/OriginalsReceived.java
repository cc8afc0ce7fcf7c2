package ru.fioco.training.contract.api;

import java.time.LocalDate;

/** Staff received the paper originals of the contract and the act. */
public record OriginalsReceived(String applicationId, LocalDate receivedOn) implements ContractEvent {
}
