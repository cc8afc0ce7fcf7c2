package ru.fioco.training.application.api;

import java.time.Instant;

/**
 * A person asks to represent the organisation of {@code organisationInn}: a request the institute confirms or
 * refuses; until then the person's tokens carry no organisation. Registering again (after a refusal or a
 * revocation, or to change a pending request) is this event again. The agreement on personal-data processing
 * was accepted in the version and at the moment given.
 */
public record RepresentativeRegistered(String representativeId, String organisationInn, RepresentativeProfile profile,
        RepresentativeSettings settings, String agreementVersion, Instant agreementAcceptedAt)
        implements RepresentativeEvent {
}
