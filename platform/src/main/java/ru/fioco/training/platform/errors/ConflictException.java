package ru.fioco.training.platform.errors;

import java.util.Map;

/** The request conflicts with the current state (a duplicate, a concurrent change). Becomes HTTP 409. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> facts;

    public ConflictException(String message, Map<String, Object> facts) {
        super(message);
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
