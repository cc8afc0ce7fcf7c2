package ru.fioco.training.platform.errors;

/** One wrong field of a request: its path in the request body ({@code participants[2].snils}) and what is wrong, in Russian. */
public record FieldViolation(String field, String message) {
}
