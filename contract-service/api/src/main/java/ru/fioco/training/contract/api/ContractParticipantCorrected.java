package ru.fioco.training.contract.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A participant's data was corrected after submission (application-service's {@code ParticipantCorrected}): the
 * contract names them so from now on; before conclusion a new draft version follows with the corrected list.
 */
public record ContractParticipantCorrected(String applicationId, String participantId, @PersonalData(subject = "participantId") String fullName)
        implements ContractEvent {
}
