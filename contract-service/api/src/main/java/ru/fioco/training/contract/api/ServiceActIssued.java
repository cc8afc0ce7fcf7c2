package ru.fioco.training.contract.api;

import java.time.LocalDate;

/**
 * Staff issued the act of services («акт оказания услуг») after the programme ended. The school signs it and sends
 * the paper originals within 3 working days of the act (l.410): {@code originalsDueDate} counts from the act, not
 * from staff's review of the signed scan. Null in events recorded before the due date moved to the act.
 */
public record ServiceActIssued(String applicationId, String actNumber, LocalDate issuedOn, String documentId,
        LocalDate originalsDueDate, boolean originalsDueProvisional) implements ContractEvent {

    /** An act as recorded before the originals' due date counted from it. */
    public ServiceActIssued(String applicationId, String actNumber, LocalDate issuedOn, String documentId) {
        this(applicationId, actNumber, issuedOn, documentId, null, false);
    }
}
