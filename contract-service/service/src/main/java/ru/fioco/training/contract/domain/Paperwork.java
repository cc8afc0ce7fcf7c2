package ru.fioco.training.contract.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Generates the contract's documents (DOCX) and keeps them; returns the stored document's id. */
public interface Paperwork {

    /** What the contract draft and the consent form are filled with. */
    record DraftData(String applicationNumber, String paymentTerms, String organisationFullName, String organisationInn,
            String organisationKpp, String organisationBik, String legalAddress, String programmeTitle,
            LocalDate programmeStart, LocalDate programmeEnd, int hours, List<String> participants,
            BigDecimal pricePerParticipant, BigDecimal total, int version) {
    }

    /** An invoice («счёт»); {@code payBy} is the invoice's due date (null for an act). */
    record InvoiceData(String invoiceNumber, LocalDate issuedOn, String applicationNumber, String organisationFullName,
            String organisationInn, String programmeTitle, int participants, BigDecimal pricePerParticipant,
            BigDecimal total, LocalDate payBy) {
    }

    String contractDraft(DraftData data);

    String consentForm(DraftData data);

    String invoice(InvoiceData data);

    /** The act of services; the same figures as the invoice, numbered as an act. */
    String act(InvoiceData data);
}
