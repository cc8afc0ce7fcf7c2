package ru.fioco.training.contract.api;

/** The contract draft (DOCX, for the payment terms) and the consent form were generated; a revision is a new version. */
public record ContractDraftsIssued(String applicationId, int version, String contractDocumentId,
        String consentDocumentId, String note) implements ContractEvent {
}
