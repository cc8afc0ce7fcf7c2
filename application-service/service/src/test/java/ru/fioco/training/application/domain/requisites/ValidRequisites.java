package ru.fioco.training.application.domain.requisites;

/**
 * Checksum-valid requisites for tests of application forms. The constants are real, published numbers
 * (or, for the account, derived from a real BIK); the generators compute check digits with their own
 * implementation of the reference's algorithms, independent of the production code.
 */
public final class ValidRequisites {

    /** PJSC Sberbank: INN, KPP, OGRN, BIK; and its correspondent account at the Bank of Russia. */
    public static final String INN_ORGANISATION = "7707083893";
    public static final String KPP = "773601001";
    public static final String OGRN = "1027700132195";
    public static final String BIK = "044525225";
    public static final String SBERBANK_CORRESPONDENT_ACCOUNT = "30101810400000000225";

    /** A settlement account whose control key (9th digit) was computed for {@link #BIK}. */
    public static final String SETTLEMENT_ACCOUNT = "40702810938000012345";

    /** A 12-digit INN of an individual. */
    public static final String INN_INDIVIDUAL = "500100732259";

    /** An OGRNIP (15 digits) satisfying the (unverified) mod-13 rule. */
    public static final String OGRNIP = "304500116000157";

    /** SNILS as 11 digits and as written on the card. */
    public static final String SNILS = "11223344595";
    public static final String SNILS_FORMATTED = "112-233-445 95";

    public static final String PHONE = "+74951234567";
    public static final String EMAIL = "priem@school.ru";

    private static final int[] INN_10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private ValidRequisites() {
    }

    /** A valid organisation INN: region 77, seven digits from the seed (distinct for 0..9 999 999), check. */
    public static String inn10(long seed) {
        String body = "77" + String.format("%07d", Math.floorMod(seed, 10_000_000L));
        return body + innCheck(body, INN_10);
    }

    /** A valid individual INN: region 77, eight digits from the seed (distinct for 0..99 999 999), checks. */
    public static String inn12(long seed) {
        String body = "77" + String.format("%08d", Math.floorMod(seed, 100_000_000L));
        String eleven = body + innCheck(body, INN_11);
        return eleven + innCheck(eleven, INN_12);
    }

    /**
     * A valid SNILS as 11 digits, numbers from 100-000-000 upwards (so the check always applies), distinct
     * for seeds 0..899 999 999.
     */
    public static String snils(long seed) {
        String number = String.valueOf(100_000_000L + Math.floorMod(seed, 900_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (number.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 % 100;
        return number + String.format("%02d", check);
    }

    /** A valid 13-digit OGRN: a legal entity registered in Moscow in 2002, distinct for seeds 0..9 999 999. */
    public static String ogrn(long seed) {
        String body = "10277" + String.format("%07d", Math.floorMod(seed, 10_000_000L));
        return body + Long.parseLong(body) % 11 % 10;
    }

    /** A 15-digit OGRNIP under the (unverified) mod-13 rule, distinct for seeds 0..99 999 999. */
    public static String ogrnip(long seed) {
        String body = "318774" + String.format("%08d", Math.floorMod(seed, 100_000_000L));
        return body + Long.parseLong(body) % 13 % 10;
    }

    /** A 20-digit settlement account (40702 810, rubles, a company) whose key fits the BIK. */
    public static String settlementAccount(String bik, long seed) {
        String tail = String.format("%011d", Math.floorMod(seed, 100_000_000_000L));
        for (int key = 0; key <= 9; key++) {
            String account = "40702810" + key + tail;
            String digits = bik.substring(6, 9) + account;
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * new int[] {7, 1, 3}[i % 3] % 10;
            }
            if (sum % 10 == 0) {
                return account;
            }
        }
        throw new IllegalStateException("no control key fits BIK " + bik);
    }

    /** The same value with its last digit changed, to break a check digit. */
    public static String withLastDigitChanged(String digits) {
        int last = digits.charAt(digits.length() - 1) - '0';
        return digits.substring(0, digits.length() - 1) + (last + 1) % 10;
    }

    private static int innCheck(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }
}
