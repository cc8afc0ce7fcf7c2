package ru.fioco.training.application.api;

/**
 * Who represents which organisation (seed 002 l.5–7, Рис. 1а/1б): a person's registration as a representative of
 * an organisation by its INN, the institute's decision on it, and the person's profile and settings. Published on
 * the {@value #TOPIC} topic keyed by the representative's id (the identity provider's subject), apart from the
 * applications: no reader of applications needs them. Wire names {@value #TYPE_PREFIX}{@code .<RecordName>}.
 */
public sealed interface RepresentativeEvent permits RepresentativeRegistered, RepresentativeProfileChanged,
        RepresentativeSettingsChanged, RepresentativeConfirmed, RepresentativeRefused, RepresentativeRevoked, RepresentativeDataErased {

    String TOPIC = "representatives";
    String TYPE_PREFIX = "ru.fioco.training.representatives";

    String representativeId();
}
