package ru.fioco.training.application.api;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How a person's name is written everywhere: one wording for forms, notices, contracts and histories. */
public final class PersonNames {

    private PersonNames() {
    }

    /** «Фамилия Имя Отчество», skipping what is missing. */
    public static String full(String surname, String name, String patronymic) {
        return Stream.of(surname, name, patronymic).filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
    }

    /** «Фамилия И. О.»: enough to tell people apart in a notice without spelling out the whole name. */
    public static String initials(String surname, String name, String patronymic) {
        StringBuilder b = new StringBuilder(surname == null ? "" : surname.strip());
        for (String part : new String[] {name, patronymic}) {
            if (part != null && !part.isBlank()) {
                b.append(' ').appendCodePoint(part.strip().codePointAt(0)).append('.');
            }
        }
        return b.toString().strip();
    }
}
