package ru.fioco.training.contract.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ru.fioco.training.contract.api.ContractTerms;

/** Generates the contract's documents (DOCX) and keeps them; returns the stored document's id. */
public interface Paperwork {

    /**
     * What the contract draft and the consent form are filled with. The participants and the payer's signatory are
     * personal data: the documents keep them sealed with their owners' keys (by the application's id).
     */
    record DraftData(String applicationId, String applicationNumber, String paymentTerms, String organisationFullName, String organisationInn,
            String organisationKpp, String organisationBik, String legalAddress, String programmeTitle,
            LocalDate programmeStart, LocalDate programmeEnd, int hours, List<ContractTerms.Participant> participants,
            BigDecimal pricePerParticipant, BigDecimal total, int version, ContractTerms.Payer payer) {
    }

    /** An invoice («счёт»); {@code payBy} is the invoice's due date (null for an act). */
    record InvoiceData(String applicationId, String invoiceNumber, LocalDate issuedOn, String applicationNumber, String organisationFullName,
            String organisationInn, String kpp, String bik, String legalAddress, ContractTerms.Payer payer,
            String programmeTitle, int participants, BigDecimal pricePerParticipant, BigDecimal total, LocalDate payBy) {

        /** The figures of an invoice or an act from the contract's terms. */
        public static InvoiceData of(String applicationId, String number, LocalDate issuedOn, ContractTerms t,
                LocalDate payBy) {
            return new InvoiceData(applicationId, number, issuedOn, t.applicationNumber(), t.organisationFullName(), t.organisationInn(),
                    t.kpp(), t.bik(), t.legalAddress(), t.payer(), t.programmeTitle(), t.participants().size(),
                    t.pricePerParticipant(), t.total(), payBy);
        }
    }

    String contractDraft(DraftData data);

    String consentForm(DraftData data);

    String invoice(InvoiceData data);

    /** The act of services; the same figures as the invoice, numbered as an act. */
    String act(InvoiceData data);
}
