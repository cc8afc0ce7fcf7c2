package ru.fioco.training.contract.api;

import ru.fioco.training.platform.api.EventMapping;

/**
 * How far a contract has come, in the order of the procedure: one vocabulary for the aggregate, the contract's
 * read model and the history, which all move it with {@link #after}. A status never goes back: originals that
 * arrive after the package was shipped leave it shipped. Course access comes with the conclusion: no status of its
 * own. {@link #CANCELLED} and {@link #TERMINATED} end a contract early and come last, so nothing moves them.
 */
public enum ContractStatus {
    OPENED("открыт"),
    DRAFTS_ISSUED("проекты выпущены"),
    CONCLUDED("заключён"),
    ACT_ISSUED("акт выпущен"),
    ACT_SIGNED("акт подписан"),
    ORIGINALS_RECEIVED("оригиналы получены"),
    /** The originals went back to the school: the services are rendered; unpaid, it waits for the money. */
    SHIPPED("исполнен"),
    CLOSED("закрыт"),
    /** Withdrawn before conclusion. */
    CANCELLED("отменён"),
    /** Terminated by staff after conclusion. */
    TERMINATED("расторгнут");

    private static final EventMapping<ContractEvent, ContractStatus> LEADS_TO =
            EventMapping.<ContractEvent, ContractStatus>of(ContractEvent.class, "contract status")
                    .map(ContractOpened.class, e -> OPENED)
                    .map(ContractDraftsIssued.class, e -> DRAFTS_ISSUED)
                    .map(ContractConcluded.class, e -> CONCLUDED)
                    .map(ServiceActIssued.class, e -> ACT_ISSUED)
                    .map(SignedActAccepted.class, e -> ACT_SIGNED)
                    .map(OriginalsReceived.class, e -> e.completesTheSet() ? ORIGINALS_RECEIVED : null)
                    .map(PackageShipped.class, e -> SHIPPED)
                    .map(ContractClosed.class, e -> CLOSED)
                    .map(ContractCancelled.class, e -> CANCELLED)
                    .map(ContractTerminated.class, e -> TERMINATED)
                    .ignore(ContractChangesRequested.class, ContractCountersigned.class, ContractProgrammeMoved.class)
                    .ignore(CourseAccessGranted.class, ContractParticipantCorrected.class, InvoiceIssued.class, PaymentRecorded.class, TrainingResultRecorded.class,
                            CertificateIssued.class)
                    .build();

    private final String title;

    ContractStatus(String title) {
        this.title = title;
    }

    /** The status after an event of the contract: the further of the two. */
    public static ContractStatus after(ContractStatus current, ContractEvent event) {
        return LEADS_TO.apply(event).filter(next -> current == null || next.compareTo(current) > 0).orElse(current);
    }

    public String title() {
        return title;
    }

    /** Concluded or further: the contract binds (or bound, until terminated) both sides. */
    public boolean concluded() {
        return compareTo(CONCLUDED) >= 0 && this != CANCELLED;
    }

    /** Cancelled or terminated: nothing more happens under the contract but the money owed. */
    public boolean ended() {
        return this == CANCELLED || this == TERMINATED;
    }

    /** «заключён, не оплачен»: from conclusion on, the status says how much of the invoice is paid. */
    public String label(PaymentState payment) {
        return concluded() ? title + ", " + payment.title() : title;
    }
}
