package ru.fioco.training.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ru.fioco.training.platform.api.PersonalData;

/** What the contract is made of, gathered from the application and the programme when the contract opens. */
public record ContractTerms(String applicationNumber, String organisationInn, String organisationFullName, String kpp,
        String bik, String legalAddress, String programmeId, String programmeTitle, LocalDate programmeStart,
        LocalDate programmeEnd, int hours, String paymentTerms, List<Participant> participants,
        BigDecimal pricePerParticipant, String courseUrl, String tutorName, String tutorEmail) {

    /** A participant of the contract: the id document-service and application-service know them by. */
    public record Participant(String participantId, @PersonalData String fullName) {
    }

    public ContractTerms {
        participants = List.copyOf(participants);
    }

    /** The same terms with one participant named anew (a correction). */
    public ContractTerms withParticipant(String participantId, String fullName) {
        return new ContractTerms(applicationNumber, organisationInn, organisationFullName, kpp, bik, legalAddress,
                programmeId, programmeTitle, programmeStart, programmeEnd, hours, paymentTerms,
                participants.stream().map(p -> p.participantId().equals(participantId) ? new Participant(participantId,
                        fullName) : p).toList(), pricePerParticipant, courseUrl, tutorName, tutorEmail);
    }

    /** participants x price, «Без НДС». */
    public BigDecimal total() {
        return pricePerParticipant.multiply(BigDecimal.valueOf(participants.size()));
    }

    public boolean prepayment() {
        return "PREPAYMENT".equals(paymentTerms);
    }
}
