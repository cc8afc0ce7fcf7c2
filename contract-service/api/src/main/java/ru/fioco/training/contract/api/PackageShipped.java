package ru.fioco.training.contract.api;

/** The originals went by post with a tracking number; certificates only if paid. */
public record PackageShipped(String applicationId, String trackingNumber, boolean withCertificates) implements ContractEvent {
}
