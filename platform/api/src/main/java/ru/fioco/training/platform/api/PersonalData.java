package ru.fioco.training.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data (152-FZ): masked for auditors, and stored only encrypted with a key
 * of its data subject, so that destroying the key erases it everywhere (crypto-shredding).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What a destroyed person's data read as, everywhere (a name, a SNILS, an address). */
    String ERASED = "удалено";

    /**
     * Whose data it is, which names the key. A component name ending in {@code Id} ({@code "participantId"}) means the
     * person that component of the same record identifies ({@code participant:<id>}); a plain word
     * ({@code "applicant"}) means that person of the application the record belongs to ({@code applicant:<application
     * id>}); empty means the application's own texts ({@code application:<id>}), or a representative's where the
     * record belongs to a representative rather than an application.
     */
    String subject() default "";
}
