package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ru.fioco.training.platform.api.PersonalData;

/**
 * What the contract is made of, gathered from the application and the programme when the contract opens.
 *
 * @param payer the organisation's bank details and signatory; null in contracts opened before the form asked them
 */
public record ContractTerms(String applicationNumber, String organisationInn, String organisationFullName, String kpp,
        String bik, String legalAddress, String programmeId, String programmeTitle, LocalDate programmeStart,
        LocalDate programmeEnd, int hours, String paymentTerms, List<Participant> participants,
        BigDecimal pricePerParticipant, String courseUrl, String tutorName, String tutorEmail, Payer payer) {

    /** Terms as recorded before the payer's bank details and signatory were asked. */
    public ContractTerms(String applicationNumber, String organisationInn, String organisationFullName, String kpp,
            String bik, String legalAddress, String programmeId, String programmeTitle, LocalDate programmeStart,
            LocalDate programmeEnd, int hours, String paymentTerms, List<Participant> participants,
            BigDecimal pricePerParticipant, String courseUrl, String tutorName, String tutorEmail) {
        this(applicationNumber, organisationInn, organisationFullName, kpp, bik, legalAddress, programmeId,
                programmeTitle, programmeStart, programmeEnd, hours, paymentTerms, participants, pricePerParticipant,
                courseUrl, tutorName, tutorEmail, null);
    }

    /**
     * The organisation's requisites a contract prints besides INN, KPP and BIK, and who signs for it.
     *
     * @param signatoryBasis in the genitive, as the preamble puts it: «Устава», «доверенности № 12 от 01.09.2026»
     */
    public record Payer(String ogrn, String settlementAccount, String correspondentAccount, String bankName,
            String signatoryPosition, @PersonalData(subject = "signatory") String signatoryName, String signatoryBasis) {
    }

    /**
     * A participant of the contract: the id document-service and application-service know them by, the person's
     * name («Фамилия Имя Отчество», as the certificate names them) and the subject they study.
     *
     * @param subject null in contracts opened before the subject was kept apart: their {@code fullName} ends with
     *                it in brackets
     */
    public record Participant(String participantId, @PersonalData(subject = "participantId") String fullName, String subject) {

        /** A participant as recorded before the subject was kept apart from the name. */
        public Participant(String participantId, String fullName) {
            this(participantId, fullName, null);
        }

        /** «Фамилия Имя Отчество (Предмет)»: one person studying two subjects is two participants. */
        public String listedName() {
            return subject == null || subject.isBlank() ? fullName : fullName + " (" + subject + ")";
        }

        /** The person's name alone, also from a legacy record that carried the subject in brackets. */
        public String personName() {
            return subject == null ? fullName.replaceFirst("\\s*\\([^()]*\\)$", "") : fullName;
        }
    }

    public ContractTerms {
        participants = List.copyOf(participants);
    }

    /** The same terms with one participant named anew (a correction). */
    public ContractTerms withParticipant(String participantId, String fullName) {
        return new ContractTerms(applicationNumber, organisationInn, organisationFullName, kpp, bik, legalAddress,
                programmeId, programmeTitle, programmeStart, programmeEnd, hours, paymentTerms,
                participants.stream().map(p -> p.participantId().equals(participantId) ? new Participant(participantId,
                        fullName, p.subject()) : p).toList(), pricePerParticipant, courseUrl, tutorName, tutorEmail,
                payer);
    }

    /** The same terms with the programme's new dates. */
    public ContractTerms withDates(LocalDate start, LocalDate end) {
        return new ContractTerms(applicationNumber, organisationInn, organisationFullName, kpp, bik, legalAddress,
                programmeId, programmeTitle, start, end, hours, paymentTerms, participants, pricePerParticipant,
                courseUrl, tutorName, tutorEmail, payer);
    }

    /** participants x price, «Без НДС». */
    public BigDecimal total() {
        return pricePerParticipant.multiply(BigDecimal.valueOf(participants.size()));
    }

    public boolean prepayment() {
        return "PREPAYMENT".equals(paymentTerms);
    }
}
