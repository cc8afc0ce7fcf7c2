package ru.fioco.training.application.domain.requisites;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Russian telephone number, kept as {@code +7XXXXXXXXXX}, optionally followed by an extension as
 * {@code +7XXXXXXXXXX доб. 123}.
 *
 * <p>Accepted: {@code +7} or {@code 7} or {@code 8} and 10 digits, or the 10 digits alone (code of the
 * city or operator and the subscriber's number), with spaces, hyphens, dots and parentheses in between.
 * A lone leading 7 or 8 set apart ({@code 8 (495) ...}) is always taken for the prefix, so that a number
 * missing a digit is not mistaken for a 10-digit one. The 10 digits must start with 3, 4, 8 or 9 (the
 * Russian numbering plan; {@code +7 7XX} is Kazakhstan). Other countries' numbers and other lengths are
 * refused.
 *
 * <p>Decision on extensions: they are kept, because the contact of a school or an institution is often
 * a switchboard. Written after the number as {@code доб.}, {@code доп.}, {@code вн.}, {@code ext.} or
 * {@code x} (dot optional, any case) and 1–6 digits. {@link #number()} gives the dialable part alone.
 *
 * @param value {@code +7} and 10 digits, then {@code " доб. "} and the extension if there is one
 */
public record PhoneNumber(String value) {

    private static final String EXTENSION_MARK = " доб. ";

    private static final Pattern WITH_EXTENSION = Pattern.compile(
            "(?<main>.*?)[ ,;]*(?:доб|доп|вн|ext|x)\\.? *(?<ext>\\d{1,6})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Digits, an optional leading plus, and the separators people write between groups. */
    private static final Pattern MAIN = Pattern.compile("\\+?[\\d ()\\-.\u2010-\u2015]+");

    private static final Pattern FIRST_DIGITS = Pattern.compile("\\d+");

    private static final String WRONG_CHARACTERS =
            "номер телефона может содержать только цифры, пробелы, дефисы, скобки и знак +";
    private static final String NOT_RUSSIAN = "укажите российский номер телефона: +7 и 10 цифр";
    private static final String WRONG_LENGTH =
            "номер телефона должен содержать 10 цифр с кодом города или оператора, например +7 495 123-45-67";
    private static final String WRONG_CODE = "код города или оператора должен начинаться с 3, 4, 8 или 9";

    /** Applies the rules of {@link #parse(String)}. */
    public PhoneNumber {
        value = check(value).orThrow();
    }

    /** The number of the trimmed input, or an {@link IllegalArgumentException} with a Russian message. */
    public static PhoneNumber parse(String raw) {
        return new PhoneNumber(raw);
    }

    /** The Russian message if the input is not a valid Russian number; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    /** The dialable part, {@code +7XXXXXXXXXX}. */
    public String number() {
        return value.substring(0, 12);
    }

    /** The extension's digits, if any. */
    public Optional<String> extension() {
        return value.length() > 12 ? Optional.of(value.substring(12 + EXTENSION_MARK.length())) : Optional.empty();
    }

    /** For documents: {@code +7 (495) 123-45-67}, and {@code  доб. 123} if there is an extension. */
    public String formatted() {
        String n = number();
        return "+7 (" + n.substring(2, 5) + ") " + n.substring(5, 8) + "-" + n.substring(8, 10) + "-"
                + n.substring(10, 12) + extension().map(ext -> EXTENSION_MARK + ext).orElse("");
    }

    static Checked check(String raw) {
        String s = spacesToPlain(Inputs.strip(raw));
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        String main = s;
        String extension = null;
        var withExtension = WITH_EXTENSION.matcher(s);
        if (withExtension.matches()) {
            main = withExtension.group("main");
            extension = withExtension.group("ext");
        }
        if (main.isBlank()) {
            return Checked.fail(WRONG_LENGTH);
        }
        if (!MAIN.matcher(main).matches()) {
            return Checked.fail(WRONG_CHARACTERS);
        }
        String digits = main.replaceAll("\\D", "");
        String national;
        if (main.startsWith("+")) {
            if (!digits.startsWith("7")) {
                return Checked.fail(NOT_RUSSIAN);
            }
            if (digits.length() != 11) {
                return Checked.fail(WRONG_LENGTH);
            }
            national = digits.substring(1);
        } else if (writtenWithTrunkPrefix(main)) {
            // "8 (49) 123-45-67": the lone 8 is the prefix, so 10 digits in all are one too few.
            if (digits.length() != 11) {
                return Checked.fail(WRONG_LENGTH);
            }
            national = digits.substring(1);
        } else if (digits.length() == 11 && (digits.startsWith("7") || digits.startsWith("8"))) {
            national = digits.substring(1);
        } else if (digits.length() == 10) {
            national = digits;
        } else {
            return Checked.fail(WRONG_LENGTH);
        }
        if ("3489".indexOf(national.charAt(0)) < 0) {
            return Checked.fail(WRONG_CODE);
        }
        return Checked.ok("+7" + national + (extension == null ? "" : EXTENSION_MARK + extension));
    }

    /** The number begins with a lone 7 or 8 set apart from the rest, as in {@code 8 (495) ...} or {@code 7-495-...}. */
    private static boolean writtenWithTrunkPrefix(String main) {
        var firstGroup = FIRST_DIGITS.matcher(main);
        return firstGroup.find() && (firstGroup.group().equals("7") || firstGroup.group().equals("8"));
    }

    private static String spacesToPlain(String s) {
        StringBuilder plain = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            plain.append(Inputs.isBlank(c) ? ' ' : c);
        }
        return plain.toString();
    }
}
