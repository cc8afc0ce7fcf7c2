package ru.fioco.training.contract.api;

/** A participant's result («итоги обучения»): passed or not; a later record replaces an earlier one. */
public record TrainingResultRecorded(String applicationId, String participantId, boolean passed) implements ContractEvent {
}
