package ru.fioco.training.contract.domain;

/** What document-service has said about an application's documents (kept from the {@code documents} topic). */
public interface DocumentStatus {

    /** The facts for one application; all false when nothing is known. */
    Facts of(String applicationId);

    record Facts(boolean signedContractAccepted, boolean signedConsentAccepted, boolean allDocumentsAccepted) {
    }
}
