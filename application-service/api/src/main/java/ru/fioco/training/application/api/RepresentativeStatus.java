package ru.fioco.training.application.api;

import ru.fioco.training.platform.api.EventMapping;

/** Where a representative's request stands, moved by their events alone. */
public enum RepresentativeStatus {
    PENDING("ожидает подтверждения"),
    CONFIRMED("подтверждён"),
    REFUSED("отказано"),
    REVOKED("отозван"),
    /** The former representative's personal data are destroyed: nothing more happens to this registration. */
    ERASED("данные уничтожены");

    private static final EventMapping<RepresentativeEvent, RepresentativeStatus> AFTER =
            EventMapping.<RepresentativeEvent, RepresentativeStatus>of(RepresentativeEvent.class, "representative status")
                    .map(RepresentativeRegistered.class, e -> PENDING)
                    .map(RepresentativeConfirmed.class, e -> CONFIRMED)
                    .map(RepresentativeRefused.class, e -> REFUSED)
                    .map(RepresentativeRevoked.class, e -> REVOKED)
                    .map(RepresentativeDataErased.class, e -> ERASED)
                    .ignore(RepresentativeProfileChanged.class, RepresentativeSettingsChanged.class)
                    .build();

    private final String title;

    RepresentativeStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The status after {@code event}; an event that does not move it leaves {@code current}. */
    public static RepresentativeStatus after(RepresentativeStatus current, RepresentativeEvent event) {
        return AFTER.apply(event).orElse(current);
    }
}
