package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice («счёт»): with prepayment on conclusion, with payment after the services together with the act.
 * «Без НДС». Due by {@code dueDate} as the contract's payment terms say (prepayment: 5 working days after the
 * invoice; payment after the services: 10 working days after the act); null in events recorded before invoices
 * had a due date.
 */
public record InvoiceIssued(String applicationId, String invoiceNumber, BigDecimal amount, LocalDate issuedOn,
        String documentId, LocalDate dueDate, boolean dueProvisional) implements ContractEvent {

    /** An invoice as recorded before invoices had a due date. */
    public InvoiceIssued(String applicationId, String invoiceNumber, BigDecimal amount, LocalDate issuedOn,
            String documentId) {
        this(applicationId, invoiceNumber, amount, issuedOn, documentId, null, false);
    }
}
