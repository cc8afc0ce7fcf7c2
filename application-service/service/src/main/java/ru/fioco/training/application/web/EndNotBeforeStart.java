package ru.fioco.training.application.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A programme's end date is not before its start date: checked with the other fields, so a form gets
 * every error at once, and reported on {@code endDate}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndNotBeforeStart.Validator.class)
public @interface EndNotBeforeStart {

    String message() default "дата окончания раньше даты начала";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ProgrammeRequest}; a missing date is the field's own error, not this one. */
    class Validator implements ConstraintValidator<EndNotBeforeStart, ProgrammeRequest> {

        @Override
        public boolean isValid(ProgrammeRequest request, ConstraintValidatorContext context) {
            if (request == null || request.startDate() == null || request.endDate() == null
                    || !request.endDate().isBefore(request.startDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endDate").addConstraintViolation();
            return false;
        }
    }
}
