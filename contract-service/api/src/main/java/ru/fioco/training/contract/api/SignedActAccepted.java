package ru.fioco.training.contract.api;

import java.time.LocalDate;

/** The signed act's scan was accepted: the paper originals (contract and act) are due by {@code originalsDueDate}. */
public record SignedActAccepted(String applicationId, LocalDate originalsDueDate, boolean dueDateProvisional)
        implements ContractEvent {
}
