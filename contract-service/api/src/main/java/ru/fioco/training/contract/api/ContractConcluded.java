package ru.fioco.training.contract.api;

import java.time.LocalDate;

/**
 * Staff concluded the contract: documents accepted, no later than 3 working days before the start.
 *
 * @param agreedVersion the draft version that was agreed and signed (the current one at conclusion); null in events
 *                      recorded before the contract said which
 */
public record ContractConcluded(String applicationId, LocalDate concludedOn, Integer agreedVersion)
        implements ContractEvent {

    /** A conclusion as recorded before it named the agreed version. */
    public ContractConcluded(String applicationId, LocalDate concludedOn) {
        this(applicationId, concludedOn, null);
    }
}
