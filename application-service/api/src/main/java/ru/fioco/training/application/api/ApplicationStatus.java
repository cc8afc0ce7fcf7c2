package ru.fioco.training.application.api;

import ru.fioco.training.platform.api.EventMapping;

/**
 * The statuses of an application as the cabinet names them: черновик, на рассмотрении, исполнение, выполнена,
 * снята. A returned application is a draft again (its last reason says why). One vocabulary for the aggregate,
 * the read models and the history, which all move it with {@link #after}.
 */
public enum ApplicationStatus {
    DRAFT("черновик"),
    SUBMITTED("на рассмотрении"),
    IN_WORK("исполнение"),
    COMPLETED("выполнена"),
    WITHDRAWN("снята");

    private static final EventMapping<ApplicationEvent, ApplicationStatus> LEADS_TO =
            EventMapping.<ApplicationEvent, ApplicationStatus>of(ApplicationEvent.class, "application status")
                    .map(ApplicationDrafted.class, e -> DRAFT)
                    .map(ApplicationSubmitted.class, e -> SUBMITTED)
                    .map(ApplicationReturned.class, e -> DRAFT)
                    .map(ApplicationTakenIntoWork.class, e -> IN_WORK)
                    .map(ApplicationWithdrawn.class, e -> WITHDRAWN)
                    .map(ApplicationCompleted.class, e -> COMPLETED)
                    .ignore(ApplicationChanged.class, ProgrammePublished.class, ProgrammeChanged.class,
                            ProgrammeClosed.class, ParticipantCorrected.class, ParticipantsLocked.class,
                            PersonalDataErased.class, ConsentWithdrawn.class)
                    .build();

    private final String title;

    ApplicationStatus(String title) {
        this.title = title;
    }

    /** The status after an event of the application; {@code current} (null before the draft) if it changes none. */
    public static ApplicationStatus after(ApplicationStatus current, ApplicationEvent event) {
        return LEADS_TO.apply(event).orElse(current);
    }

    /** The Russian name the cabinet shows. */
    public String title() {
        return title;
    }

    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == IN_WORK;
    }
}
