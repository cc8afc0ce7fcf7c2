package ru.fioco.training.contract.api;

import java.math.BigDecimal;

/** The application was taken into work: its contract is opened with its terms; {@code totalAmount} = participants x price. */
public record ContractOpened(String applicationId, ContractTerms terms, BigDecimal totalAmount) implements ContractEvent {
}
