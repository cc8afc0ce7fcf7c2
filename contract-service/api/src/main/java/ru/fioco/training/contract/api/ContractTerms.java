package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the contract is made of, gathered from the application and the programme when the contract opens. */
public record ContractTerms(String applicationNumber, String organisationInn, String organisationFullName, String kpp,
        String bik, String legalAddress, String programmeId, String programmeTitle, LocalDate programmeStart,
        LocalDate programmeEnd, int hours, String paymentTerms, @PersonalData List<String> participantNames,
        BigDecimal pricePerParticipant, String courseUrl, String tutorName, String tutorEmail) {

    public ContractTerms {
        participantNames = List.copyOf(participantNames);
    }

    /** participants x price, «Без НДС». */
    public BigDecimal total() {
        return pricePerParticipant.multiply(BigDecimal.valueOf(participantNames.size()));
    }

    public boolean prepayment() {
        return "PREPAYMENT".equals(paymentTerms);
    }
}
