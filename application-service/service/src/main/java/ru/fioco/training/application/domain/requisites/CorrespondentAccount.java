package ru.fioco.training.application.domain.requisites;

import java.util.Optional;

/**
 * A bank's correspondent account («корреспондентский счёт») at the Bank of Russia: 20 digits beginning with
 * 30101, ending with the last three digits of the bank's BIK, its control key computed over «0», BIK digits 5–6
 * and the account (Central Bank procedure No. 515 of 08.09.1997).
 */
public final class CorrespondentAccount {

    private static final int[] WEIGHTS = {7, 1, 3};

    private CorrespondentAccount() {
    }

    /**
     * The Russian message if the account is malformed or does not belong to the bank of the BIK; empty if it
     * is valid. An invalid BIK leaves only the format to judge: the BIK's own message is shown on the BIK.
     */
    public static Optional<String> problem(String raw, String bik) {
        String s = Inputs.strip(raw);
        if (s.isEmpty()) {
            return Optional.of(Inputs.REQUIRED);
        }
        if (!Inputs.isDigits(s) || s.length() != 20) {
            return Optional.of("корреспондентский счёт должен состоять из 20 цифр");
        }
        if (!s.startsWith("30101")) {
            return Optional.of("корреспондентский счёт банка начинается с 30101");
        }
        Checked bank = Bik.check(bik);
        if (bank.message() != null) {
            return Optional.empty();
        }
        String b = bank.normalised();
        if (!s.endsWith(b.substring(6, 9))) {
            return Optional.of("корреспондентский счёт не соответствует БИК: последние три цифры должны совпадать");
        }
        String digits = "0" + b.substring(4, 6) + s;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += Inputs.digit(digits, i) * WEIGHTS[i % 3] % 10;
        }
        return sum % 10 == 0 ? Optional.empty()
                : Optional.of("корреспондентский счёт не соответствует БИК: неверный контрольный ключ");
    }
}
