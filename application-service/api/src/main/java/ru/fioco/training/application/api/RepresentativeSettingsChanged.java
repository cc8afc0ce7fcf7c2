package ru.fioco.training.application.api;

/** The representative changed the settings of Рис. 1б. */
public record RepresentativeSettingsChanged(String representativeId, RepresentativeSettings settings)
        implements RepresentativeEvent {
}
