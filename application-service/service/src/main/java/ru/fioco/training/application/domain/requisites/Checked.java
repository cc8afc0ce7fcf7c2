package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/** The outcome of checking one raw input: either the normalised value or the Russian message. */
record Checked(String normalised, String message) {

    static Checked ok(String normalised) {
        return new Checked(normalised, null);
    }

    static Checked fail(String message) {
        return new Checked(null, message);
    }

    Optional<String> problem() {
        return Optional.ofNullable(message);
    }

    /** The normalised value, or an {@link IllegalArgumentException} carrying the message. */
    String orThrow() {
        if (message != null) {
            throw new IllegalArgumentException(message);
        }
        return normalised;
    }
}
