package ru.fioco.training.contract.api;

import java.util.List;

/**
 * A package of originals went by post with a tracking number (l.417): the first carries the contract, the act and
 * the invoice, with the certificates if the contract is paid; when the money comes later, a second carries the
 * certificates alone.
 *
 * @param items what the package holds; empty in events recorded before packages listed their items
 */
public record PackageShipped(String applicationId, String trackingNumber, boolean withCertificates, List<Item> items)
        implements ContractEvent {

    public PackageShipped {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A package as recorded before packages listed their items. */
    public PackageShipped(String applicationId, String trackingNumber, boolean withCertificates) {
        this(applicationId, trackingNumber, withCertificates, List.of());
    }

    /** What a package of originals can hold. */
    public enum Item {
        CONTRACT("договор"),
        ACT("акт оказания услуг"),
        INVOICE("счёт"),
        CERTIFICATES("удостоверения");

        private final String title;

        Item(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
