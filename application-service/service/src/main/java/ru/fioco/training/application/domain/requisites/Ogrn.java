package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/**
 * Primary state registration number: «ОГРН» of a legal entity (13 digits) or «ОГРНИП» of an individual
 * entrepreneur (15 digits), both with a last check digit.
 *
 * <p>The OGRNIP rule (first 14 digits mod 13, last digit of the remainder) is marked <em>unverified</em> in
 * the reference: it was not checked against the tax service's own text. It is therefore switchable with
 * {@link OgrnipCheck}; {@link #parse(String)} and {@link #problem(String)} verify it, and the canonical
 * constructor accepts any 15 digits so that a value stored under {@link OgrnipCheck#LENGTH_ONLY} can
 * always be read back.
 *
 * @param value the 13 or 15 digits
 */
public record Ogrn(String value) {

    /** Whether the (unverified) OGRNIP checksum is applied. */
    public enum OgrnipCheck {
        VERIFY,
        LENGTH_ONLY
    }

    private static final String WRONG_LENGTH = "ОГРН должен состоять из 13 цифр (ОГРНИП — из 15)";
    private static final String ZEROS = "ОГРН не может состоять из одних нулей";
    private static final String WRONG_CHECKSUM = "неверная контрольная сумма ОГРН";
    private static final String WRONG_CHECKSUM_IP = "неверная контрольная сумма ОГРНИП";

    /** Applies the rules of {@link #parse(String, OgrnipCheck)} with {@link OgrnipCheck#LENGTH_ONLY}. */
    public Ogrn {
        value = check(value, OgrnipCheck.LENGTH_ONLY).orThrow();
    }

    /** The OGRN/OGRNIP of the trimmed input, both checksums verified. */
    public static Ogrn parse(String raw) {
        return parse(raw, OgrnipCheck.VERIFY);
    }

    /** The OGRN/OGRNIP of the trimmed input, the OGRNIP checksum as configured. */
    public static Ogrn parse(String raw, OgrnipCheck ogrnipCheck) {
        return new Ogrn(check(raw, ogrnipCheck).orThrow());
    }

    /** The Russian message if the input is not a valid OGRN/OGRNIP; empty if it is. */
    public static Optional<String> problem(String raw) {
        return problem(raw, OgrnipCheck.VERIFY);
    }

    /** As {@link #problem(String)}, the OGRNIP checksum as configured. */
    public static Optional<String> problem(String raw, OgrnipCheck ogrnipCheck) {
        return check(raw, ogrnipCheck).problem();
    }

    /** Fifteen digits: the OGRNIP of an individual entrepreneur. */
    public boolean isIndividualEntrepreneur() {
        return value.length() == 15;
    }

    static Checked check(String raw, OgrnipCheck ogrnipCheck) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        if (!Inputs.isDigits(s) || (s.length() != 13 && s.length() != 15)) {
            return Checked.fail(WRONG_LENGTH);
        }
        if (Inputs.isAllZeros(s)) {
            return Checked.fail(ZEROS);
        }
        if (s.length() == 13) {
            // First 12 digits mod 11, then mod 10.
            boolean valid = Long.parseLong(s.substring(0, 12)) % 11 % 10 == Inputs.digit(s, 12);
            return valid ? Checked.ok(s) : Checked.fail(WRONG_CHECKSUM);
        }
        if (ogrnipCheck == OgrnipCheck.LENGTH_ONLY) {
            return Checked.ok(s);
        }
        // Unverified: first 14 digits mod 13, last digit of the remainder.
        boolean valid = Long.parseLong(s.substring(0, 14)) % 13 % 10 == Inputs.digit(s, 14);
        return valid ? Checked.ok(s) : Checked.fail(WRONG_CHECKSUM_IP);
    }
}
