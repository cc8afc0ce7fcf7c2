package ru.fioco.training.platform.errors;

import java.util.Map;

/** The request conflicts with the current state (a duplicate, a concurrent change). Becomes HTTP 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final Map<String, Object> facts;

    /** @param field the input the conflict is about (named in the answer), or null */
    public ConflictException(String field, String message, Map<String, Object> facts) {
        super(message);
        this.field = field;
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public ConflictException(String message, Map<String, Object> facts) {
        this(null, message, facts);
    }

    public ConflictException(String message) {
        this(null, message, Map.of());
    }

    public String field() {
        return field;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
