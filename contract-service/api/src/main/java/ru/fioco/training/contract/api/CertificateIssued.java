package ru.fioco.training.contract.api;

import java.time.LocalDate;

import ru.fioco.training.platform.api.PersonalData;

/** A qualification certificate («удостоверение о повышении квалификации») for a participant who passed, once paid. */
public record CertificateIssued(String applicationId, String participantId, String registrationNumber,
        LocalDate issuedOn, @PersonalData String holderName) implements ContractEvent {
}
