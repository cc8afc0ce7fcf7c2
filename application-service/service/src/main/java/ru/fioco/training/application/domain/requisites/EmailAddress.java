package ru.fioco.training.application.domain.requisites;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * An e-mail address, validated pragmatically rather than by the full RFC 5322 grammar:
 * <ul>
 * <li>at most 254 characters, no spaces and no control or invisible formatting characters;</li>
 * <li>exactly one {@code @};</li>
 * <li>a local part of 1–64 characters, without a leading, trailing or doubled dot and without the
 * characters that would need quoting ({@code ( ) < > [ ] \ , ; : "}); quoted local parts are refused,
 * non-Latin letters are allowed;</li>
 * <li>a domain of at least two dot-separated labels of letters (any script, so {@code школа.рф} is fine),
 * digits and inner hyphens, at most 63 characters per label once converted to ASCII (punycode), and a
 * top-level label that is not all digits (no bare IP addresses).</li>
 * </ul>
 * The address is kept in Unicode normal form C, its domain in lower case; the local part keeps its case
 * (it is case-sensitive in principle).
 *
 * @param value {@code local@domain}, the domain in lower case
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final String NEEDS_QUOTING = "()<>[]\\,;:\"";

    private static final String TOO_LONG = "адрес электронной почты не может быть длиннее 254 символов";
    private static final String BLANKS = "адрес электронной почты не должен содержать пробелов и служебных символов";
    private static final String ONE_AT = "адрес электронной почты должен содержать ровно один знак @";
    private static final String NO_LOCAL = "укажите имя почтового ящика перед знаком @";
    private static final String LOCAL_TOO_LONG = "имя почтового ящика (до знака @) не может быть длиннее 64 символов";
    private static final String WRONG_LOCAL = "недопустимые символы или точки в имени почтового ящика (до знака @)";
    private static final String WRONG_DOMAIN =
            "неверный домен в адресе электронной почты (после знака @), например school.ru или школа.рф";

    /** Applies the rules of {@link #parse(String)}. */
    public EmailAddress {
        value = check(value).orThrow();
    }

    /** The address of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw);
    }

    /** The Russian message if the input is not an acceptable address; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /** The part after the {@code @}, in lower case. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    static Checked check(String raw) {
        // NFC, so that a letter typed as base + combining mark («и» + U+0306) is one «й».
        String s = Normalizer.normalize(Inputs.strip(raw), Normalizer.Form.NFC);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        if (s.length() > MAX_LENGTH) {
            return Checked.fail(TOO_LONG);
        }
        if (s.chars().anyMatch(EmailAddress::isBlankOrInvisible)) {
            return Checked.fail(BLANKS);
        }
        int at = s.indexOf('@');
        if (at < 0 || at != s.lastIndexOf('@')) {
            return Checked.fail(ONE_AT);
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty()) {
            return Checked.fail(NO_LOCAL);
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            return Checked.fail(LOCAL_TOO_LONG);
        }
        if (!isLocalPart(local)) {
            return Checked.fail(WRONG_LOCAL);
        }
        if (!isDomain(domain)) {
            return Checked.fail(WRONG_DOMAIN);
        }
        return Checked.ok(local + "@" + domain);
    }

    private static boolean isBlankOrInvisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean isLocalPart(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.chars().noneMatch(c -> NEEDS_QUOTING.indexOf(c) >= 0);
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Inputs::isDigitCode)) {
            return false;
        }
        try {
            // Checks each label's length (≤ 63) in its ASCII form and refuses what IDNA cannot encode.
            IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            return true;
        } catch (IllegalArgumentException notEncodable) {
            return false;
        }
    }
}
