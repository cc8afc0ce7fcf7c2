package ru.fioco.training.application.domain.requisites;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tax registration reason code («КПП»): 9 characters — tax office code (4 digits), reason code
 * (2 digits or capital Latin letters), sequence number (3 digits). It has no checksum. Lower-case Latin
 * letters are accepted and upper-cased.
 *
 * @param value the 9 characters, letters in upper case
 */
public record Kpp(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}[\\dA-Z]{2}\\d{3}");

    private static final String WRONG_LENGTH = "КПП должен состоять из 9 символов";
    private static final String WRONG_FORMAT =
            "КПП: 4 цифры, затем 2 цифры или латинские буквы A–Z, затем 3 цифры";

    /** Applies the rules of {@link #parse(String)}. */
    public Kpp {
        value = check(value).orThrow();
    }

    /** The KPP of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static Kpp parse(String raw) {
        return new Kpp(raw);
    }

    /** The Russian message if the input is not a valid KPP; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    static Checked check(String raw) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        if (s.length() != 9) {
            return Checked.fail(WRONG_LENGTH);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        // \d of java.util.regex is ASCII-only without UNICODE_CHARACTER_CLASS.
        return FORMAT.matcher(upper).matches() ? Checked.ok(upper) : Checked.fail(WRONG_FORMAT);
    }
}
