package ru.fioco.training.application.domain.requisites;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Individual insurance account number («СНИЛС»): 9 digits of the number and 2 check digits. Accepted as
 * {@code 12345678901}, {@code 123-456-789 01}, {@code 123-456-789-01} or with spaces between the groups;
 * kept as the 11 digits.
 *
 * @param value the 11 digits
 */
public record Snils(String value) {

    /** Separators (hyphens, spaces) are allowed only between the groups XXX XXX XXX YY. */
    private static final Pattern FORMAT = Pattern.compile("(\\d{3})[- ]*(\\d{3})[- ]*(\\d{3})[- ]*(\\d{2})");

    /** Numbers up to 001-001-998 were issued before check digits existed. */
    private static final int LAST_UNCHECKED = 1_001_998;

    private static final String WRONG_FORMAT = "СНИЛС должен состоять из 11 цифр (XXX-XXX-XXX YY)";
    private static final String ZEROS = "СНИЛС не может состоять из одних нулей";
    private static final String WRONG_CHECKSUM = "неверная контрольная сумма СНИЛС";

    /** Applies the rules of {@link #parse(String)}. */
    public Snils {
        value = check(value).orThrow();
    }

    /** The SNILS of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static Snils parse(String raw) {
        return new Snils(raw);
    }

    /** The Russian message if the input is not a valid SNILS; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    /** As printed on the card and in documents: {@code XXX-XXX-XXX YY}. */
    public String formatted() {
        return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6, 9) + " "
                + value.substring(9);
    }

    static Checked check(String raw) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        var matcher = FORMAT.matcher(spacesToPlain(s));
        if (!matcher.matches()) {
            return Checked.fail(WRONG_FORMAT);
        }
        String digits = matcher.group(1) + matcher.group(2) + matcher.group(3) + matcher.group(4);
        // All zeros lies below 001-001-998 and would escape the check; it is only ever a placeholder.
        if (Inputs.isAllZeros(digits)) {
            return Checked.fail(ZEROS);
        }
        if (Integer.parseInt(digits.substring(0, 9)) > LAST_UNCHECKED
                && checkNumber(digits) != Integer.parseInt(digits.substring(9))) {
            return Checked.fail(WRONG_CHECKSUM);
        }
        return Checked.ok(digits);
    }

    /**
     * S = Σ digit_i·(10 − i) over digits 1–9; below 100 the check is S, 100 and 101 give 00, above 101
     * it is S mod 101 with 100 again giving 00.
     */
    private static int checkNumber(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Inputs.digit(digits, i) * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        if (sum <= 101) {
            return 0;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    /** No-break and other Unicode spaces count as plain spaces between the groups. */
    private static String spacesToPlain(String s) {
        StringBuilder plain = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            plain.append(Inputs.isBlank(c) ? ' ' : c);
        }
        return plain.toString();
    }
}
