package ru.fioco.training.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * A well-formed request that a business rule refuses (a deadline passed, a precondition unmet).
 * Becomes HTTP 422 naming the rule, the field it concerns (if any) and the facts that explain it,
 * such as the last allowed date.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;
    private final List<FieldViolation> violations;
    private final Map<String, Object> facts;

    public RuleViolationException(String rule, String field, String message, Map<String, Object> facts) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.violations = field == null ? List.of() : List.of(new FieldViolation(field, message));
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** A rule several fields break at once, each named with what is wrong with it. */
    public RuleViolationException(String rule, List<FieldViolation> violations, String message, Map<String, Object> facts) {
        super(message);
        this.rule = rule;
        this.field = violations.isEmpty() ? null : violations.get(0).field();
        this.violations = List.copyOf(violations);
        this.facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** The fields the rule is about, each with its message (empty: the rule names no input). */
    public List<FieldViolation> violations() {
        return violations;
    }

    public RuleViolationException(String rule, String message) {
        this(rule, (String) null, message, Map.of());
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
