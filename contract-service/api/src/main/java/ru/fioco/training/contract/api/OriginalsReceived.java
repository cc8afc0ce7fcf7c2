package ru.fioco.training.contract.api;

import java.time.LocalDate;

/**
 * Staff recorded paper originals that arrived by post (l.410): how many copies of the signed act and of the signed
 * contract (each is due in {@value #ORIGINAL_COPIES}), and the school's postal tracking number if they gave one.
 * Several arrivals add up; {@code complete} says whether this one completed the set.
 *
 * @param actCopies      copies of the act in this arrival; null in events recorded before copies were counted
 *                       (those recorded the whole set)
 * @param contractCopies copies of the contract in this arrival; null as above
 * @param trackingNumber the school's postal tracking number, or null
 * @param complete       whether the originals are now all here; null in events recorded before (the whole set)
 */
public record OriginalsReceived(String applicationId, LocalDate receivedOn, Integer actCopies, Integer contractCopies,
        String trackingNumber, Boolean complete) implements ContractEvent {

    /** The procedure (l.410): the act and the contract, each in two signed copies. */
    public static final int ORIGINAL_COPIES = 2;

    /** An arrival as recorded before copies were counted: the whole set. */
    public OriginalsReceived(String applicationId, LocalDate receivedOn) {
        this(applicationId, receivedOn, null, null, null, null);
    }

    /** Copies of the act this arrival brought; a legacy event brought the whole set. */
    public int actCopiesOrAll() {
        return actCopies == null ? ORIGINAL_COPIES : actCopies;
    }

    /** Copies of the contract this arrival brought; a legacy event brought the whole set. */
    public int contractCopiesOrAll() {
        return contractCopies == null ? ORIGINAL_COPIES : contractCopies;
    }

    /** Whether the originals are all here after this arrival (a legacy event: yes). */
    public boolean completesTheSet() {
        return complete == null || complete;
    }
}
