package ru.fioco.training.application.domain.requisites;

/** Small text helpers shared by the requisites. */
final class Inputs {

    static final String REQUIRED = "обязательное поле";

    private Inputs() {
    }

    /**
     * The input without surrounding blanks; null becomes "". Besides {@link String#strip()} this also
     * removes no-break spaces, zero-width spaces and byte-order marks that come with copy and paste.
     */
    static String strip(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Only the ASCII digits 0–9 (not other scripts' digits), and at least one. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigitCode(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAllZeros(String digits) {
        return digits.chars().allMatch(c -> c == '0');
    }

    /** The digit at a zero-based position. */
    static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
