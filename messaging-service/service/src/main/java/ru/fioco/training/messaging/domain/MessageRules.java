package ru.fioco.training.messaging.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ru.fioco.training.platform.errors.FieldViolation;

/** What a person's message must be: some text or a file, text of sensible length and without control characters. */
public final class MessageRules {

    /** Characters (code points) a message may have: a long letter, not a document; files go as attachments. */
    public static final int MAX_TEXT = 10_000;
    /** Files per message: the seed sets no limit; this only stops a runaway client. */
    public static final int MAX_ATTACHMENTS = 50;

    private MessageRules() {
    }

    /** All problems at once, each naming its field. */
    public static List<FieldViolation> check(String text, List<String> attachmentIds) {
        List<FieldViolation> problems = new ArrayList<>();
        List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
        boolean blank = text == null || text.isBlank();
        if (blank && ids.isEmpty()) {
            problems.add(new FieldViolation("text", "напишите сообщение или приложите файл"));
        }
        if (text != null) {
            int length = text.codePointCount(0, text.length());
            if (length > MAX_TEXT) {
                problems.add(new FieldViolation("text", "не более " + MAX_TEXT + " символов (сейчас " + length + ")"));
            }
            if (text.codePoints().anyMatch(MessageRules::forbidden)) {
                problems.add(new FieldViolation("text", "недопустимые управляющие символы"));
            }
        }
        if (ids.size() > MAX_ATTACHMENTS) {
            problems.add(new FieldViolation("attachmentIds", "не более " + MAX_ATTACHMENTS + " файлов в одном сообщении"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !id.matches("[0-9a-f]{24}")) {
                problems.add(new FieldViolation("attachmentIds[" + i + "]", "неизвестный файл"));
            } else if (!seen.add(id)) {
                problems.add(new FieldViolation("attachmentIds[" + i + "]", "файл указан дважды"));
            }
        }
        return problems;
    }

    /** C0/C1 controls other than tab and line breaks, and unpaired surrogates: never typed by a person. */
    private static boolean forbidden(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE;
    }
}
