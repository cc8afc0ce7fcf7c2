package ru.fioco.training.contract.api;

import java.time.LocalDate;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A qualification certificate («удостоверение о повышении квалификации») for a participant who passed, once paid.
 *
 * @param registrationNumber the institute's register number
 * @param blankSeries        the printed blank's series, when the institute issues on blanks; else null (also in
 *                           events recorded before blanks were recorded)
 * @param blankNumber        the printed blank's number, as above
 */
public record CertificateIssued(String applicationId, String participantId, String registrationNumber,
        LocalDate issuedOn, @PersonalData(subject = "participantId") String holderName, String blankSeries, String blankNumber)
        implements ContractEvent {

    /** A certificate without a printed blank, as recorded before blanks were recorded. */
    public CertificateIssued(String applicationId, String participantId, String registrationNumber, LocalDate issuedOn,
            String holderName) {
        this(applicationId, participantId, registrationNumber, issuedOn, holderName, null, null);
    }
}
