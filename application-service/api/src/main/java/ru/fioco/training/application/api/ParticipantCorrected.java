package ru.fioco.training.application.api;

import java.util.List;

/**
 * After submission and before the contract is concluded, the representative corrected a participant's data
 * (Рис. 5б «изменить … сохранить»): the participant as it was and as it is now, and which fields changed, so that
 * staff see old → new and the other services follow. The participant's fields are personal data, marked on the
 * participant's record.
 *
 * @param changedFields the names of the participant's fields that differ ({@code surname}, {@code snils}, ...)
 */
public record ParticipantCorrected(String applicationId, String participantId, ApplicationForm.Participant before,
        ApplicationForm.Participant after, List<String> changedFields) implements ApplicationEvent {

    public ParticipantCorrected {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
