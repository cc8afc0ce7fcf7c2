package ru.fioco.training.application.api;

/** Staff confirmed that the person represents the organisation: from now on their tokens carry its INN. */
public record RepresentativeConfirmed(String representativeId, String organisationInn) implements RepresentativeEvent {
}
