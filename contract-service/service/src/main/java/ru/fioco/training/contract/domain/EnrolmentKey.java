package ru.fioco.training.contract.domain;

import java.security.SecureRandom;

/**
 * The course's enrolment key («кодовое слово»), a Moodle self-enrolment key shared by the organisation's
 * participants. Random from a SecureRandom and nothing else: never derived from the application number,
 * the organisation or anyone's data (the seed's keys made from numbers are guessable). Four groups of
 * four characters from 32 unambiguous letters and digits: 16 × 5 = 80 bits, easy to read out and type.
 */
public final class EnrolmentKey {

    /** No 0/O, 1/I/L: a key is read aloud on the phone and typed from paper. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int GROUPS = 4;
    static final int GROUP_LENGTH = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolmentKey() {
    }

    public static String generate() {
        StringBuilder key = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                key.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return key.toString();
    }

    /** Bits of entropy of one key. */
    static double entropyBits() {
        return GROUPS * GROUP_LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
    }
}
