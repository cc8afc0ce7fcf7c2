package ru.fioco.training.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import ru.fioco.training.platform.errors.FieldViolation;

/**
 * A form's own checks (presence, lengths: its Bean Validation annotations) as field violations, so that a
 * resource can add the domain's rules to them and answer with every error of the form at once.
 */
public final class FormViolations {

    private FormViolations() {
    }

    /** The form's violations, named by the client's field paths ({@code subjects[1]}), in field order. */
    public static List<FieldViolation> of(Validator validator, Object form) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            violations.add(new FieldViolation(ProblemMappers.fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return violations;
    }
}
