package ru.fioco.training.document.domain;

import java.util.Locale;

/**
 * A participant needs a name-change document («документ об изменении персональных данных») when the
 * surname in their diploma is not their current surname; case, surrounding spaces and «ё» written as «е»
 * do not count as a difference.
 */
public final class NameChangeRule {

    private NameChangeRule() {
    }

    public static boolean required(String surname, String diplomaSurname) {
        if (surname == null || diplomaSurname == null || diplomaSurname.isBlank()) {
            return false;
        }
        return !normalise(surname).equals(normalise(diplomaSurname));
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }
}
