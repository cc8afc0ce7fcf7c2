package ru.fioco.training.contract.api;

import java.time.LocalDate;

/** Staff issued the act of services («акт оказания услуг») after the programme ended. */
public record ServiceActIssued(String applicationId, String actNumber, LocalDate issuedOn, String documentId)
        implements ContractEvent {
}
