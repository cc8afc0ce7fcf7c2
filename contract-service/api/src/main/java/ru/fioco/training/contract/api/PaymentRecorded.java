package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Staff recorded a payment (a partial one too); {@code fullyPaid} once the invoice is covered. */
public record PaymentRecorded(String applicationId, String paymentOrderNumber, LocalDate paidOn, BigDecimal amount,
        BigDecimal totalPaid, boolean fullyPaid) implements ContractEvent {
}
