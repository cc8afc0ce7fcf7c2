package ru.fioco.training.contract.api;

/**
 * Staff uploaded the scan of the contract signed by both sides (l.398); the organisation downloads it, and its paper
 * original goes back in the package of originals.
 */
public record ContractCountersigned(String applicationId, String documentId, String fileName)
        implements ContractEvent {
}
