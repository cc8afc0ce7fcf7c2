package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Staff terminated a concluded contract («расторжение»): from {@code terminatedOn} no further services are given,
 * and the school owes {@code amountOwed} roubles for the services already given (zero when nothing is owed).
 */
public record ContractTerminated(String applicationId, LocalDate terminatedOn, String reason, BigDecimal amountOwed)
        implements ContractEvent {
}
