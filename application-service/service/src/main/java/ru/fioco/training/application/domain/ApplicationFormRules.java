package ru.fioco.training.application.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Applicant;
import ru.fioco.training.application.api.ApplicationForm.Organisation;
import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.application.api.ApplicationForm.Signatory;
import ru.fioco.training.application.api.ApplicationForm.SignatoryBasis;
import ru.fioco.training.application.domain.requisites.Bik;
import ru.fioco.training.application.domain.requisites.CorrespondentAccount;
import ru.fioco.training.application.domain.requisites.EmailAddress;
import ru.fioco.training.application.domain.requisites.Inn;
import ru.fioco.training.application.domain.requisites.Kpp;
import ru.fioco.training.application.domain.requisites.Ogrn;
import ru.fioco.training.application.domain.requisites.PhoneNumber;
import ru.fioco.training.application.domain.requisites.SettlementAccount;
import ru.fioco.training.application.domain.requisites.Snils;
import ru.fioco.training.platform.errors.FieldViolation;

/**
 * The rules of the application form (seed 002, Рис. 2 and 3), all checked at once so that one answer
 * names every wrong field by its path ({@code participants[2].snils}). A draft may be incomplete, but
 * what it holds must be valid; a submission must be complete. Text is kept as typed (markup included:
 * it is escaped where shown, never refused); identifiers come back normalised.
 */
public final class ApplicationFormRules {

    /** A draft may be incomplete; a submission may not. */
    public enum Mode { DRAFT, SUBMISSION }

    /**
     * The verdict: the violations, and the form (or the one participant checked) with identifiers normalised
     * (phones +7..., SNILS digits).
     */
    public record Review(List<FieldViolation> violations, ApplicationForm normalised, Participant participant) {

        public boolean passed() {
            return violations.isEmpty();
        }
    }

    /** The longest values a form takes, so that no event of it can grow past a few hundred kilobytes. */
    public static final int MAX_NAME = 100;
    public static final int MAX_POSITION = 200;
    public static final int MAX_ORGANISATION_NAME = 500;
    public static final int MAX_SHORT_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_DIPLOMA_SERIES = 20;
    public static final int MAX_DIPLOMA_NUMBER = 30;
    public static final int MAX_BANK_NAME = 300;
    public static final int MAX_SIGNATORY_NAME = 300;
    /** A power of attorney's number as the organisation writes it. */
    public static final int MAX_DOCUMENT_NUMBER = 50;
    /** The longest identifier as typed (phone, e-mail, INN, SNILS...) before it is parsed at all. */
    static final int MAX_IDENTIFIER = 254;
    /** One application's participants; a larger group files more than one application. */
    public static final int MAX_PARTICIPANTS = 100;
    static final int YOUNGEST_AGE = 16;
    static final int OLDEST_AGE = 100;

    private ApplicationFormRules() {
    }

    public static Review review(ApplicationForm form, String organisationInn, ProgrammeFacts programme, LocalDate today,
            Mode mode) {
        Collector c = new Collector(mode);
        if (form == null) {
            c.add("body", "нужна форма заявки");
            return new Review(c.violations, null, null);
        }
        Applicant applicant = applicant(form.applicant(), c);
        c.required("resultDelivery", form.resultDelivery());
        if (form.viaProcurementPlatform()) {
            if (form.resultDelivery() == ApplicationForm.ResultDelivery.PAPER) {
                c.add("resultDelivery", "договор на электронной площадке получают в электронном виде");
            }
            if (blank(form.comment())) {
                c.add("comment", "укажите наименование электронной площадки");
            }
        }
        c.text("comment", form.comment(), false, MAX_COMMENT);
        c.required("paymentTerms", form.paymentTerms());
        if (c.text("programmeId", form.programmeId(), true, 100) && programme == null) {
            c.add("programmeId", "программа не найдена");
        }
        Organisation organisation = organisation(form.organisation(), organisationInn, today, c);
        if (mode == Mode.SUBMISSION && !form.personalDataConsent()) {
            c.add("personalDataConsent", "нужно согласие на обработку персональных данных");
        }
        List<Participant> participants = participants(form.participants(), programme, today, c);
        ApplicationForm normalised = new ApplicationForm(applicant, form.resultDelivery(), form.viaProcurementPlatform(),
                form.comment(), form.paymentTerms(), form.programmeId(), organisation, form.personalDataConsent(),
                participants);
        return new Review(c.violations, normalised, null);
    }

    private static Applicant applicant(Applicant a, Collector c) {
        if (a == null) {
            if (c.mode == Mode.SUBMISSION) {
                c.add("applicant", "заполните сведения о заявителе");
            }
            return null;
        }
        c.text("applicant.surname", a.surname(), true, MAX_NAME);
        c.text("applicant.name", a.name(), true, MAX_NAME);
        c.text("applicant.patronymic", a.patronymic(), false, MAX_NAME);
        c.text("applicant.position", a.position(), true, MAX_POSITION);
        return new Applicant(a.surname(), a.name(), a.patronymic(), a.position(),
                c.normalised("applicant.workPhone", a.workPhone(), true, PhoneNumber::problem, s -> PhoneNumber.parse(s).value()),
                c.normalised("applicant.mobilePhone", a.mobilePhone(), true, PhoneNumber::problem, s -> PhoneNumber.parse(s).value()),
                c.normalised("applicant.email", a.email(), true, EmailAddress::problem, s -> EmailAddress.parse(s).value()));
    }

    private static Organisation organisation(Organisation o, String organisationInn, LocalDate today, Collector c) {
        if (o == null) {
            if (c.mode == Mode.SUBMISSION) {
                c.add("organisation", "заполните сведения об организации");
            }
            return null;
        }
        if (c.text("organisation.region", o.region(), true, MAX_NAME) && !Regions.isKnown(o.region())) {
            c.add("organisation.region", "выберите субъект Российской Федерации из списка");
        }
        c.text("organisation.fullName", o.fullName(), true, MAX_ORGANISATION_NAME);
        c.text("organisation.shortName", o.shortName(), true, MAX_SHORT_NAME);
        String email = c.normalised("organisation.officialEmail", o.officialEmail(), true, EmailAddress::problem,
                s -> EmailAddress.parse(s).value());
        c.text("organisation.fisOkoLogin", o.fisOkoLogin(), false, 100);
        c.text("organisation.legalAddress", o.legalAddress(), true, MAX_ADDRESS);
        c.text("organisation.postalAddress", o.postalAddress(), true, MAX_ADDRESS);
        String inn = c.normalised("organisation.inn", o.inn(), true, Inn::problem, s -> Inn.parse(s).value());
        if (inn != null && Inn.problem(inn).isEmpty() && organisationInn != null && !inn.equals(organisationInn)) {
            c.add("organisation.inn", "ИНН не совпадает с организацией вашей учётной записи");
        }
        String kpp = c.normalised("organisation.kpp", o.kpp(), true, Kpp::problem, s -> Kpp.parse(s).value());
        String bik = c.normalised("organisation.bik", o.bik(), true, Bik::problem, s -> Bik.parse(s).value());
        // the contract's requisites: the accounts are checked against the BIK's control key
        String ogrn = c.normalised("organisation.ogrn", o.ogrn(), true, Ogrn::problem, s -> Ogrn.parse(s).value());
        String account = c.normalised("organisation.settlementAccount", o.settlementAccount(), true,
                s -> SettlementAccount.problem(s, bik), s -> SettlementAccount.parse(s).value());
        String correspondent = c.normalised("organisation.correspondentAccount", o.correspondentAccount(), true,
                s -> CorrespondentAccount.problem(s, bik), String::strip);
        c.text("organisation.bankName", o.bankName(), true, MAX_BANK_NAME);
        return new Organisation(o.region() == null ? null : o.region().strip(), o.fullName(), o.shortName(), email,
                o.fisOkoLogin(), o.legalAddress(), o.postalAddress(), inn, kpp, bik, ogrn, account, correspondent,
                o.bankName() == null ? null : o.bankName().strip(), signatory(o.signatory(), today, c));
    }

    /** Who signs for the organisation; on a power of attorney, its number and a date not in the future. */
    private static Signatory signatory(Signatory s, LocalDate today, Collector c) {
        if (s == null) {
            c.required("organisation.signatory", null);
            return null;
        }
        c.text("organisation.signatory.position", s.position(), true, MAX_POSITION);
        c.text("organisation.signatory.fullName", s.fullName(), true, MAX_SIGNATORY_NAME);
        c.required("organisation.signatory.basis", s.basis());
        boolean attorney = s.basis() == SignatoryBasis.POWER_OF_ATTORNEY;
        if (attorney) {
            if (!blank(s.powerOfAttorneyNumber()) || c.mode == Mode.SUBMISSION) {
                if (blank(s.powerOfAttorneyNumber())) {
                    c.add("organisation.signatory.powerOfAttorneyNumber", "укажите номер доверенности");
                } else {
                    c.text("organisation.signatory.powerOfAttorneyNumber", s.powerOfAttorneyNumber(), true, MAX_DOCUMENT_NUMBER);
                }
            }
            c.required("organisation.signatory.powerOfAttorneyDate", s.powerOfAttorneyDate());
            if (s.powerOfAttorneyDate() != null && s.powerOfAttorneyDate().isAfter(today)) {
                c.add("organisation.signatory.powerOfAttorneyDate", "дата доверенности не может быть в будущем");
            }
        } else if (!blank(s.powerOfAttorneyNumber()) || s.powerOfAttorneyDate() != null) {
            c.add("organisation.signatory.basis", "номер и дата доверенности указываются, только если основание — доверенность");
        }
        return new Signatory(strip(s.position()), strip(s.fullName()), s.basis(),
                attorney ? strip(s.powerOfAttorneyNumber()) : null, attorney ? s.powerOfAttorneyDate() : null);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<Participant> participants(List<Participant> list, ProgrammeFacts programme, LocalDate today,
            Collector c) {
        if (list.isEmpty() && c.mode == Mode.SUBMISSION) {
            c.add("participants", "добавьте хотя бы одного участника");
        }
        if (list.size() > MAX_PARTICIPANTS) {
            c.add("participants", "не больше " + MAX_PARTICIPANTS + " участников в одной заявке");
            return list;
        }
        List<Participant> normalised = new ArrayList<>(list.size());
        Set<String> snilsAndSubject = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Participant p = list.get(i);
            String at = "participants[" + i + "]";
            if (p == null) {
                c.add(at, "пустой участник");
                normalised.add(null);
                continue;
            }
            Participant checked = participant(p, at, programme, today, c);
            if (checked.snils() != null && checked.subject() != null && Snils.problem(checked.snils()).isEmpty()
                    && !snilsAndSubject.add(checked.snils() + "|" + checked.subject().toLowerCase(Locale.ROOT))) {
                c.add(at + ".snils", "участник с этим СНИЛС уже записан на этот предмет в заявке");
            }
            normalised.add(checked);
        }
        return normalised;
    }

    /**
     * One participant as a submission needs it (a correction after submission is checked so): every required
     * field present, every value within its length, identifiers valid.
     *
     * @param at the participant's place in the form, {@code participants[2]}, to name the fields; empty when the
     *           participant is the whole request
     */
    public static Review participant(Participant p, String at, ProgrammeFacts programme, LocalDate today) {
        Collector c = new Collector(Mode.SUBMISSION);
        Participant checked = participant(p, at, programme, today, c);
        return new Review(c.violations, null, checked);
    }

    private static Participant participant(Participant p, String at, ProgrammeFacts programme, LocalDate today,
            Collector c) {
        String prefix = at.isEmpty() ? "" : at + ".";
        c.text(prefix + "surname", p.surname(), true, MAX_NAME);
        c.text(prefix + "name", p.name(), true, MAX_NAME);
        c.text(prefix + "patronymic", p.patronymic(), false, MAX_NAME);
        c.required(prefix + "sex", p.sex());
        c.text(prefix + "position", p.position(), true, MAX_POSITION);
        birthDate(prefix + "birthDate", p.birthDate(), today, c);
        String subject = subject(prefix + "subject", p.subject(), programme, c);
        c.required(prefix + "educationLevel", p.educationLevel());
        c.text(prefix + "diplomaSurname", p.diplomaSurname(), true, MAX_NAME);
        c.text(prefix + "diplomaSeries", p.diplomaSeries(), false, MAX_DIPLOMA_SERIES);
        c.text(prefix + "diplomaNumber", p.diplomaNumber(), true, MAX_DIPLOMA_NUMBER);
        String snils = c.normalised(prefix + "snils", p.snils(), true, Snils::problem, s -> Snils.parse(s).value());
        String email = c.normalised(prefix + "email", p.email(), true, EmailAddress::problem, s -> EmailAddress.parse(s).value());
        return new Participant(p.participantId(), p.surname(), p.name(), p.patronymic(), p.sex(), p.position(),
                p.birthDate(), subject, p.educationLevel(), p.diplomaSurname(), p.diplomaSeries(), p.diplomaNumber(),
                snils, email);
    }

    /** A participant works at a school: not a child, not older than any living worker. */
    static void birthDate(String field, LocalDate birthDate, LocalDate today, Collector c) {
        if (birthDate == null) {
            c.required(field, null);
            return;
        }
        int age = Period.between(birthDate, today).getYears();
        if (birthDate.isAfter(today)) {
            c.add(field, "дата рождения в будущем");
        } else if (age < YOUNGEST_AGE) {
            c.add(field, "участнику должно быть не меньше " + YOUNGEST_AGE + " лет");
        } else if (age > OLDEST_AGE) {
            c.add(field, "проверьте дату рождения");
        }
    }

    /** The subject is one of the programme's, matched regardless of case and spaces and stored in the programme's spelling. */
    static String subject(String field, String subject, ProgrammeFacts programme, Collector c) {
        if (!c.text(field, subject, true, MAX_SUBJECT)) {
            return subject;
        }
        if (programme == null) {
            return subject.strip();
        }
        String wanted = subject.strip().toLowerCase(Locale.ROOT);
        Optional<String> match = programme.subjects().stream()
                .filter(s -> s.strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        if (match.isEmpty()) {
            c.add(field, "такого предмета нет в программе: " + String.join(", ", programme.subjects()));
            return subject;
        }
        return match.get();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects violations; in a draft a missing value is no violation. */
    static final class Collector {

        final Mode mode;
        final List<FieldViolation> violations = new ArrayList<>();

        Collector(Mode mode) {
            this.mode = mode;
        }

        void add(String field, String message) {
            violations.add(new FieldViolation(field, message));
        }

        void required(String field, Object value) {
            if (value == null && mode == Mode.SUBMISSION) {
                add(field, "обязательное поле");
            }
        }

        /** @return true if a value is present (and so worth checking further) */
        boolean text(String field, String value, boolean required, int max) {
            if (blank(value)) {
                if (required && mode == Mode.SUBMISSION) {
                    add(field, "обязательное поле");
                }
                return false;
            }
            if (value.length() > max) {
                add(field, "не длиннее " + max + " символов");
                return false;
            }
            if (value.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
                add(field, "недопустимые управляющие символы");
                return false;
            }
            return true;
        }

        /** Checks an identifier; returns it normalised if valid, as typed otherwise (or null if absent). */
        String normalised(String field, String raw, boolean required, Function<String, Optional<String>> problem,
                Function<String, String> normalise) {
            if (blank(raw)) {
                if (required && mode == Mode.SUBMISSION) {
                    add(field, "обязательное поле");
                }
                return null;
            }
            if (raw.length() > MAX_IDENTIFIER) {
                add(field, "не длиннее " + MAX_IDENTIFIER + " символов");
                return null;
            }
            Optional<String> wrong = problem.apply(raw);
            if (wrong.isPresent()) {
                add(field, wrong.get());
                return raw;
            }
            return normalise.apply(raw);
        }
    }
}
