package ru.fioco.training.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import ru.fioco.training.platform.errors.FieldViolation;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code title} is Russian, for
 * people; {@code type} and {@code rule} are stable, for programs; {@code errors} lists each wrong
 * field by its path in the request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String rule,
        List<FieldViolation> errors, @JsonIgnore Map<String, Object> facts) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://training.fioco.ru/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldViolation> fieldErrors) {
        return new Problem(type, title, status, detail, instance, rule, fieldErrors, facts);
    }

    public Problem withRule(String ruleName, Map<String, Object> ruleFacts) {
        return new Problem(type, title, status, detail, instance, ruleName, errors, ruleFacts);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, rule, errors, facts);
    }

    /** Facts of the rule (e.g. {@code lastAllowedDate}) appear as top-level members, as RFC 9457 extensions. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return facts == null ? Map.of() : facts;
    }
}
