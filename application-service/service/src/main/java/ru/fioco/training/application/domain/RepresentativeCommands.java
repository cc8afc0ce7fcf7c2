package ru.fioco.training.application.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.api.RepresentativeSettings;

/** Who represents which organisation: the person's registration and settings, the institute's decisions. */
public final class RepresentativeCommands {

    private RepresentativeCommands() {
    }

    /**
     * The person (the identity provider's {@code subject}) asks to represent the organisation of {@code inn}, with
     * their profile and settings, having accepted the agreement's {@code agreementVersion}. Registers them, asks again
     * after a refusal or revocation, or changes a confirmed representative's profile.
     */
    public record Register(@TargetAggregateIdentifier String representativeId, String inn, RepresentativeProfile profile,
            RepresentativeSettings settings, String agreementVersion, boolean agreementAccepted) {
    }

    /** The settings of Рис. 1б. */
    public record ChangeSettings(@TargetAggregateIdentifier String representativeId, RepresentativeSettings settings) {
    }

    /**
     * Staff confirm the request; {@code inn}: the organisation they checked, so that a request changed meanwhile is
     * not confirmed unseen.
     */
    public record Confirm(@TargetAggregateIdentifier String representativeId, String inn) {
    }

    /** Staff refuse the request, saying why. */
    public record Refuse(@TargetAggregateIdentifier String representativeId, String reason) {
    }

    /** Staff withdraw a confirmed representation, saying why. */
    public record Revoke(@TargetAggregateIdentifier String representativeId, String reason) {
    }

    /**
     * Staff destroy a former representative's personal data ({@code basis}: why), once their request was refused or
     * their representation revoked; {@code erasureId} names the act of destruction.
     */
    public record EraseData(@TargetAggregateIdentifier String representativeId, String erasureId, String erasedBy,
            PersonalDataErased.ErasureBasis basis) {
    }
}
