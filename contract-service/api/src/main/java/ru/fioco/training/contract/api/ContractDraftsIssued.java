package ru.fioco.training.contract.api;

/**
 * A version of the contract draft and the consent form: the first generated from the templates for the payment
 * terms, later ones generated again (a correction) or uploaded by staff as an edited DOCX (the negotiation, l.328).
 *
 * @param uploaded whether staff uploaded this version's contract (false: generated; also in events recorded before
 *                 uploads)
 */
public record ContractDraftsIssued(String applicationId, int version, String contractDocumentId,
        String consentDocumentId, String note, boolean uploaded) implements ContractEvent {

    /** A generated version, as recorded before staff could upload one. */
    public ContractDraftsIssued(String applicationId, int version, String contractDocumentId, String consentDocumentId,
            String note) {
        this(applicationId, version, contractDocumentId, consentDocumentId, note, false);
    }
}
