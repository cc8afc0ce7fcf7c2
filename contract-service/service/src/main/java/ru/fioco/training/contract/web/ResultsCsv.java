package ru.fioco.training.contract.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;

/**
 * Training results as staff export them from a spreadsheet: an optional header {@code participantId;passed} (comma
 * separated too), one participant a line, «да/нет», «зачтено/не зачтено», «true/false» or «1/0». Every
 * wrong line is reported as {@code rows[N]} (N counted from 1, the header not counted).
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static Map<String, Boolean> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("body", "пустой файл результатов");
        }
        String[] lines = csv.replace("\uFEFF", "").split("\\r?\\n");
        Map<String, Boolean> results = new LinkedHashMap<>();
        List<FieldViolation> wrong = new ArrayList<>();
        // the header is optional: a first line whose second cell is a result is a row, never dropped as a header
        int first = isHeader(lines[0]) ? 1 : 0;
        for (int i = first; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[;,]", -1);
            String at = "rows[" + (i - first + 1) + "]";
            if (cells.length != 2 || cells[0].isBlank()) {
                wrong.add(new FieldViolation(at, "ожидается два столбца: participantId;passed"));
                continue;
            }
            Boolean passed = passed(cells[1]);
            if (passed == null) {
                wrong.add(new FieldViolation(at + ".passed", "непонятный результат «" + cells[1].strip() + "»: да или нет"));
            } else if (results.put(cells[0].strip(), passed) != null) {
                wrong.add(new FieldViolation(at + ".participantId", "участник указан дважды"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("body", "нет ни одной строки с результатом");
        }
        return results;
    }

    private static boolean isHeader(String line) {
        String[] cells = line.split("[;,]", -1);
        return cells.length != 2 || passed(cells[1]) == null;
    }

    static Boolean passed(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "да", "зачтено", "сдал", "сдала", "true", "1", "yes" -> true;
            case "нет", "не зачтено", "не сдал", "не сдала", "false", "0", "no" -> false;
            default -> null;
        };
    }
}
