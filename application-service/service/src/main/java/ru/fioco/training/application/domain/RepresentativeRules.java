package ru.fioco.training.application.domain;

import java.util.List;

import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.domain.ApplicationFormRules.Collector;
import ru.fioco.training.application.domain.ApplicationFormRules.Mode;
import ru.fioco.training.application.domain.requisites.EmailAddress;
import ru.fioco.training.application.domain.requisites.Inn;
import ru.fioco.training.application.domain.requisites.PhoneNumber;
import ru.fioco.training.platform.errors.FieldViolation;

/**
 * The registration form of a representative (the profile of Рис. 1а/1б and the organisation's INN): every field
 * checked at once, each refusal naming its field; identifiers come back normalised.
 */
public final class RepresentativeRules {

    public static final int MAX_EDUCATION = 200;
    public static final int MAX_LOGIN = 100;
    /** A reason for a refusal or a revocation. */
    public static final int MAX_REASON = 2000;

    /** The verdict and the profile with its phone and e-mail normalised. */
    public record Review(List<FieldViolation> violations, RepresentativeProfile profile, String inn) {
    }

    private RepresentativeRules() {
    }

    public static Review review(RepresentativeProfile p, String inn) {
        Collector c = new Collector(Mode.SUBMISSION);
        if (p == null) {
            c.add("body", "заполните сведения о себе");
            return new Review(c.violations, null, null);
        }
        c.text("surname", p.surname(), true, ApplicationFormRules.MAX_NAME);
        c.text("name", p.name(), true, ApplicationFormRules.MAX_NAME);
        c.text("patronymic", p.patronymic(), false, ApplicationFormRules.MAX_NAME);
        c.text("organisationName", p.organisationName(), true, ApplicationFormRules.MAX_ORGANISATION_NAME);
        c.text("position", p.position(), true, ApplicationFormRules.MAX_POSITION);
        c.text("education", p.education(), true, MAX_EDUCATION);
        c.text("login", p.login(), true, MAX_LOGIN);
        String email = c.normalised("email", p.email(), true, EmailAddress::problem, s -> EmailAddress.parse(s).value());
        String phone = c.normalised("phone", p.phone(), true, PhoneNumber::problem, s -> PhoneNumber.parse(s).value());
        String organisationInn = c.normalised("inn", inn, true, Inn::problem, s -> Inn.parse(s).value());
        return new Review(c.violations, new RepresentativeProfile(strip(p.surname()), strip(p.name()),
                strip(p.patronymic()), strip(p.organisationName()), strip(p.position()), strip(p.education()), email,
                phone, strip(p.login())), organisationInn);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
