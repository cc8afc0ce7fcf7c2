package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/**
 * Taxpayer identification number («ИНН»): 10 digits for an organisation, 12 for an individual
 * (an individual entrepreneur included). Both lengths carry check digits.
 *
 * @param value the 10 or 12 digits
 */
public record Inn(String value) {

    private static final int[] WEIGHTS_10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] WEIGHTS_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] WEIGHTS_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private static final String WRONG_LENGTH = "ИНН должен состоять из 10 или 12 цифр";
    private static final String ZEROS = "ИНН не может состоять из одних нулей";
    private static final String WRONG_CHECKSUM = "неверная контрольная сумма ИНН";

    /** Applies the rules of {@link #parse(String)}. */
    public Inn {
        value = check(value).orThrow();
    }

    /** The INN of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static Inn parse(String raw) {
        return new Inn(raw);
    }

    /** The Russian message if the input is not a valid INN; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    /** Ten digits: a legal entity; twelve: an individual. */
    public boolean isOrganisation() {
        return value.length() == 10;
    }

    static Checked check(String raw) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        if (!Inputs.isDigits(s) || (s.length() != 10 && s.length() != 12)) {
            return Checked.fail(WRONG_LENGTH);
        }
        // All zeros would pass the checksum; it is a placeholder, never an issued number.
        if (Inputs.isAllZeros(s)) {
            return Checked.fail(ZEROS);
        }
        boolean valid = s.length() == 10
                ? checkDigit(s, WEIGHTS_10) == Inputs.digit(s, 9)
                : checkDigit(s, WEIGHTS_11) == Inputs.digit(s, 10) && checkDigit(s, WEIGHTS_12) == Inputs.digit(s, 11);
        return valid ? Checked.ok(s) : Checked.fail(WRONG_CHECKSUM);
    }

    /** Σ digit·weight over the first {@code weights.length} digits, mod 11, mod 10. */
    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Inputs.digit(digits, i) * weights[i];
        }
        return sum % 11 % 10;
    }
}
