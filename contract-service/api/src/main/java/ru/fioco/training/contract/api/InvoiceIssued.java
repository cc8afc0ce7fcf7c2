package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice («счёт»): with prepayment on conclusion, with payment after the services together with the act. «Без НДС». */
public record InvoiceIssued(String applicationId, String invoiceNumber, BigDecimal amount, LocalDate issuedOn,
        String documentId) implements ContractEvent {
}
