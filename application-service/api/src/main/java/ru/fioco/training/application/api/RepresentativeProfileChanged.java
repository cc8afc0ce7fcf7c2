package ru.fioco.training.application.api;

/** A confirmed representative changed their personal data; the organisation stays. */
public record RepresentativeProfileChanged(String representativeId, RepresentativeProfile profile)
        implements RepresentativeEvent {
}
