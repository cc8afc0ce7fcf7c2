package ru.fioco.training.platform.errors;

import java.util.Map;

/** The request conflicts with the current state (a duplicate, a concurrent change). Becomes HTTP 409. */
public class ConflictException extends RuntimeException {

    private final String rule;
    private final String field;
    private final Map<String, Object> facts;

    /** @param field the input the conflict is about (named in the answer), or null */
    public ConflictException(String field, String message, Map<String, Object> facts) {
        this(null, field, message, facts);
    }

    private ConflictException(String rule, String field, String message, Map<String, Object> facts) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /**
     * The state a rule has fixed refuses the change (participants after the contract is concluded): the answer
     * names the rule, as a 422 does, and the field.
     */
    public static ConflictException ofRule(String rule, String field, String message, Map<String, Object> facts) {
        return new ConflictException(rule, field, message, facts);
    }

    public ConflictException(String message, Map<String, Object> facts) {
        this(null, message, facts);
    }

    public ConflictException(String message) {
        this(null, message, Map.of());
    }

    /** The rule that fixed the state, or null. */
    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
