package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/**
 * Settlement account («расчётный счёт»): 20 digits whose control key depends on the bank's BIK (Central
 * Bank procedure No. 515 of 08.09.1997). The record itself only guarantees the 20 digits, since the key
 * cannot be checked without the BIK; use {@link #parse(String, Bik)} or {@link #problem(String, String)}
 * for the full check.
 *
 * @param value the 20 digits
 */
public record SettlementAccount(String value) {

    private static final int[] WEIGHTS = {7, 1, 3};

    private static final String WRONG_LENGTH = "расчётный счёт должен состоять из 20 цифр";
    private static final String WRONG_KEY = "расчётный счёт не соответствует БИК: неверный контрольный ключ";

    /** Checks the format only (20 digits), as {@link #parse(String)}. */
    public SettlementAccount {
        value = check(value).orThrow();
    }

    /** The 20 digits of the trimmed input, without the BIK check. */
    public static SettlementAccount parse(String raw) {
        return new SettlementAccount(raw);
    }

    /** The account of the trimmed input, checked against the bank's BIK. */
    public static SettlementAccount parse(String raw, Bik bik) {
        SettlementAccount account = parse(raw);
        if (!account.matches(bik)) {
            throw new IllegalArgumentException(WRONG_KEY);
        }
        return account;
    }

    /** The Russian message if the input is not 20 digits; empty if it is. */
    public static Optional<String> problem(String raw) {
        return check(raw).problem();
    }

    /**
     * The Russian message if the account is malformed or does not match the BIK; empty if it is valid.
     * When the BIK itself is invalid the key cannot be checked and only the account's format is judged:
     * the BIK's own message comes from {@link Bik#problem(String)}, so a form shows it once, on the BIK.
     */
    public static Optional<String> problem(String account, String bik) {
        Checked checked = check(account);
        if (checked.message() != null) {
            return checked.problem();
        }
        Checked bank = Bik.check(bik);
        if (bank.message() != null) {
            return Optional.empty();
        }
        return keyMatches(bank.normalised(), checked.normalised()) ? Optional.empty() : Optional.of(WRONG_KEY);
    }

    /** Whether the control key of this account fits the bank. */
    public boolean matches(Bik bik) {
        return keyMatches(bik.value(), value);
    }

    static Checked check(String raw) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Checked.fail(Inputs.REQUIRED);
        }
        return Inputs.isDigits(s) && s.length() == 20 ? Checked.ok(s) : Checked.fail(WRONG_LENGTH);
    }

    /**
     * BIK digits 7–9 followed by the 20 account digits, weighted 7,1,3 repeating; the last digits of the
     * products sum to a multiple of 10 for a valid account.
     */
    private static boolean keyMatches(String bik, String account) {
        String digits = bik.substring(6, 9) + account;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += Inputs.digit(digits, i) * WEIGHTS[i % 3] % 10;
        }
        return sum % 10 == 0;
    }
}
