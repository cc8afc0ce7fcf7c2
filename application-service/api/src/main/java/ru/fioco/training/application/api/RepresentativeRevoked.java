package ru.fioco.training.application.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * Staff withdrew a confirmed representation (the person left the school, the link was wrong): their next token
 * carries no organisation, and application-service refuses them at once.
 */
public record RepresentativeRevoked(String representativeId, String organisationInn, @PersonalData String reason)
        implements RepresentativeEvent {
}
