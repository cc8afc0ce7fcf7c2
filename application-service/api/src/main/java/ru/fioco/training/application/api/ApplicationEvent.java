package ru.fioco.training.application.api;

/**
 * Every event application-service publishes on the {@value #TOPIC} topic. The compiler checks a
 * {@code switch} over them; the wire name of each is {@value #TYPE_PREFIX}{@code .<RecordName>}.
 * Events evolve only compatibly (new optional fields); a breaking change is a new record.
 */
public sealed interface ApplicationEvent permits ProgrammePublished, ProgrammeChanged, ProgrammeClosed,
        ApplicationDrafted, ApplicationChanged, ApplicationSubmitted, ApplicationReturned, ApplicationTakenIntoWork,
        ApplicationWithdrawn, ApplicationCompleted, ParticipantCorrected, ParticipantsLocked, PersonalDataErased,
        ConsentWithdrawn {

    String TOPIC = "applications";
    String TYPE_PREFIX = "ru.fioco.training.applications";
}
