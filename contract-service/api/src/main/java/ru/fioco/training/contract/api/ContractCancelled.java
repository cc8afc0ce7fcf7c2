package ru.fioco.training.contract.api;

import java.time.LocalDate;

/**
 * The application was withdrawn before the contract was concluded: the contract is cancelled and nothing follows
 * it (no conclusion, course access, invoice or reminder).
 *
 * @param reason why, as the withdrawal gave it
 */
public record ContractCancelled(String applicationId, LocalDate cancelledOn, String reason) implements ContractEvent {
}
