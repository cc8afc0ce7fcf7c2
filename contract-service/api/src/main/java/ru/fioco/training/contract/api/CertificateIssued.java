package ru.fioco.training.contract.api;

import java.time.LocalDate;

/** A qualification certificate («удостоверение о повышении квалификации») for a participant who passed, once paid. */
public record CertificateIssued(String applicationId, String participantId, String registrationNumber,
        LocalDate issuedOn, @PersonalData String holderName) implements ContractEvent {
}
