package ru.fioco.training.platform.web;

import java.util.List;
import java.util.Locale;

import ru.fioco.training.platform.errors.FieldViolation;

/**
 * Numbers and flags from a query string, read as text: a value JAX-RS cannot convert to {@code int} or
 * {@code Boolean} would answer 404 (the specification's rule for query parameters), where a person who typed
 * {@code ?size=много} needs a problem naming the parameter. A bad value is added to the violations and reads as the
 * default, so every parameter's error is reported at once.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The whole number in {@code value}, {@code absent} when not given; out of range or not a number: a violation. */
    public static int integer(String field, String value, int absent, int min, int max, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as one out of range is
        }
        violations.add(new FieldViolation(field, "целое число от " + min + " до " + max));
        return absent;
    }

    /** {@code true} or {@code false}; null when not given; anything else: a violation. */
    public static Boolean flag(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                violations.add(new FieldViolation(field, "true или false"));
                yield null;
            }
        };
    }
}
