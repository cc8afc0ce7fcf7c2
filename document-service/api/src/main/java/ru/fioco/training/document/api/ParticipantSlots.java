package ru.fioco.training.document.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A participant as document-service knows them: whose documents these are, and whether a name-change
 * document is required (the surname in the diploma differs from the current one).
 */
public record ParticipantSlots(String participantId, @PersonalData(subject = "participantId") String displayName, boolean nameChangeRequired) {
}
