package ru.fioco.training.contract.api;

/**
 * Every event contract-service publishes on the {@value #TOPIC} topic, keyed by application id; the wire
 * name is {@value #TYPE_PREFIX}{@code .<RecordName>}.
 */
public sealed interface ContractEvent permits ContractOpened, ContractDraftsIssued, ContractConcluded,
        CourseAccessGranted, InvoiceIssued, PaymentRecorded, ServiceActIssued, SignedActAccepted, OriginalsReceived,
        TrainingResultRecorded, CertificateIssued, PackageShipped, ContractClosed, ContractParticipantCorrected,
        ContractCancelled, ContractTerminated, ContractChangesRequested, ContractCountersigned,
        ContractProgrammeMoved {

    String TOPIC = "contracts";
    String TYPE_PREFIX = "ru.fioco.training.contracts";

    String applicationId();
}
