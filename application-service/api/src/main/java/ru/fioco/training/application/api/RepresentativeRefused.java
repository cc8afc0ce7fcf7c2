package ru.fioco.training.application.api;

import ru.fioco.training.platform.api.PersonalData;

/** Staff refused the request to represent the organisation, saying why. */
public record RepresentativeRefused(String representativeId, String organisationInn, @PersonalData String reason)
        implements RepresentativeEvent {
}
