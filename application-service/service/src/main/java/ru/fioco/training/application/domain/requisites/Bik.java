package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/**
 * Bank identification code («БИК»): 9 digits; Russian banks' codes start with 04. No checksum of its
 * own; it keys the check of a {@link SettlementAccount}.
 *
 * @param value the 9 digits
 */
public record Bik(String value) {

    private static final String WRONG_LENGTH = "БИК должен состоять из 9 цифр";
    private static final String NOT_RUSSIAN = "БИК российского банка начинается с 04";

    /** Applies the rules of {@link #parse(String)}. */
    public Bik {
        value = check(value).orThrow();
    }

    /** The BIK of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static Bik parse(String raw) {
        return new Bik(raw);
    }

    /** The Russian message if the input is not a valid BIK; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    static Checked check(String raw) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        if (!Inputs.isDigits(s) || s.length() != 9) {
            return Checked.fail(WRONG_LENGTH);
        }
        return s.startsWith("04") ? Checked.ok(s) : Checked.fail(NOT_RUSSIAN);
    }
}
