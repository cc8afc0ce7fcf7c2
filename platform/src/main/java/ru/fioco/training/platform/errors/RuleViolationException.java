package ru.fioco.training.platform.errors;

import java.util.Map;

/**
 * A well-formed request that a business rule refuses (a deadline passed, a precondition unmet).
 * Becomes HTTP 422 naming the rule, the field it concerns (if any) and the facts that explain it,
 * such as the last allowed date.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;
    private final Map<String, Object> facts;

    public RuleViolationException(String rule, String field, String message, Map<String, Object> facts) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public RuleViolationException(String rule, String message) {
        this(rule, null, message, Map.of());
    }

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
