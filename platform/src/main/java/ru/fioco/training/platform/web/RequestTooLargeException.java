package ru.fioco.training.platform.web;

import java.util.Locale;

/** A request body over its limit: answered 413 with the field (the JSON {@code body}, or the {@code file}). */
public class RequestTooLargeException extends RuntimeException {

    private final String field;

    public RequestTooLargeException(String field, long limit) {
        super("Тело запроса больше допустимого (" + kilobytes(limit) + ").");
        this.field = field;
    }

    public String field() {
        return field;
    }

    static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%d КБ", bytes / 1024);
    }
}
