package ru.fioco.training.platform.errors;

import java.util.List;

/** The request is malformed: one or more fields are wrong. Becomes HTTP 400 listing every field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
