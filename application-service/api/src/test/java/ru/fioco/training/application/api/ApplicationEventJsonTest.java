package ru.fioco.training.application.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.EventGoldenFiles;

/**
 * Pins the JSON of every published event to a golden file: a changed shape fails here, so changing
 * it is a visible, deliberate act (and old events must still read).
 */
class ApplicationEventJsonTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static final ApplicationForm FORM = new ApplicationForm(
            new ApplicationForm.Applicant("Сумкин", "Фёдор", "Иванович", "Заместитель директора", "+74951234567",
                    "+79161234567", "sumkin@school.ru"),
            ApplicationForm.ResultDelivery.ELECTRONIC, true, "РТС-тендер", ApplicationForm.PaymentTerms.POSTPAYMENT,
            "5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93",
            new ApplicationForm.Organisation("г. Москва", "Муниципальное бюджетное общеобразовательное учреждение «Пример»",
                    "МБОУ \"Пример\"", "mail@school.ru", "sch770001", "111111, Москва, ул. Кремлёвская, д. 1",
                    "111111, Москва, ул. Кремлёвская, д. 1", "7707083893", "773601001", "044525225", "1027700132195",
                    "40702810938000012345", "30101810400000000225", "ПАО Сбербанк",
                    new ApplicationForm.Signatory("Заместитель директора", "Иванова Анна Сергеевна",
                            ApplicationForm.SignatoryBasis.POWER_OF_ATTORNEY, "12", LocalDate.of(2026, 9, 1))),
            true, List.of(new ApplicationForm.Participant("0b6f1c62-3f1e-4c55-9d0b-6a1f3c2d4e5f", "Петров", "Пётр",
                    "Петрович", ApplicationForm.Sex.MALE, "Учитель биологии", LocalDate.of(1980, 1, 1),
                    "Математика", ApplicationForm.EducationLevel.HIGHER, "Петров", "АП", "123456", "11223344595",
                    "petrov@school.ru")));

    static final Map<String, ApplicationEvent> EXAMPLES = Map.ofEntries(
            Map.entry("ProgrammePublished", new ProgrammePublished("5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93",
                    "Оценивание функциональной грамотности обучающихся", LocalDate.of(2027, 2, 1),
                    LocalDate.of(2027, 2, 12), 36, List.of("Математика", "Читательская грамотность"),
                    new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=42",
                    List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru")))),
            Map.entry("ProgrammeChanged", new ProgrammeChanged("5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93",
                    "Оценивание функциональной грамотности", LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 19), 72,
                    List.of("Математика"), new BigDecimal("15000.50"), null, List.of())),
            Map.entry("ProgrammeClosed", new ProgrammeClosed("5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93")),
            Map.entry("ApplicationDrafted", new ApplicationDrafted("a1", "7707083893", ApplicationType.TRAINING, FORM)),
            Map.entry("ApplicationChanged", new ApplicationChanged("a1", FORM)),
            Map.entry("ApplicationSubmitted", new ApplicationSubmitted("a1", "000-000123",
                    Instant.parse("2026-11-23T09:00:00Z"), LocalDate.of(2026, 11, 26), false, FORM, "2026-12-01")),
            Map.entry("ApplicationReturned", new ApplicationReturned("a1", "Исправьте СНИЛС участника")),
            Map.entry("ApplicationTakenIntoWork", new ApplicationTakenIntoWork("a1", "000-000123", "7707083893",
                    "5f0c8a2e-7d1b-4c3a-9e4f-2b6d8c1a0e93", ApplicationForm.PaymentTerms.POSTPAYMENT, 1)),
            Map.entry("ApplicationWithdrawn", new ApplicationWithdrawn("a1", "Организация отказалась", "representative")),
            Map.entry("ApplicationCompleted", new ApplicationCompleted("a1")),
            Map.entry("ParticipantCorrected", new ParticipantCorrected("a1", "0b6f1c62-3f1e-4c55-9d0b-6a1f3c2d4e5f",
                    FORM.participants().get(0), new ApplicationForm.Participant("0b6f1c62-3f1e-4c55-9d0b-6a1f3c2d4e5f",
                    "Петров", "Пётр", "Петрович", ApplicationForm.Sex.MALE, "Учитель биологии", LocalDate.of(1980, 1, 1),
                    "Математика", ApplicationForm.EducationLevel.HIGHER, "Петров", "АП", "123457", "11223344595",
                    "petrov@school.ru"), List.of("diplomaNumber"))),
            Map.entry("ParticipantsLocked", new ParticipantsLocked("a1")),
            Map.entry("PersonalDataErased", new PersonalDataErased("a1", "e1",
                    PersonalDataErased.ErasureSubject.PARTICIPANT, "0b6f1c62-3f1e-4c55-9d0b-6a1f3c2d4e5f",
                    PersonalDataErased.ErasureBasis.CONSENT_WITHDRAWN, "staff-1", Instant.parse("2027-03-01T10:00:00Z"))),
            Map.entry("ConsentWithdrawn", new ConsentWithdrawn("a1", "0b6f1c62-3f1e-4c55-9d0b-6a1f3c2d4e5f",
                    LocalDate.of(2027, 2, 27), LocalDate.of(2027, 3, 29), "staff-1", Instant.parse("2027-03-01T10:00:00Z"))));

    @Test
    void aParticipantNeedsTheNameChangeDocumentOnlyForAnotherSurname() {
        ApplicationForm.Participant p = FORM.participants().get(0);
        assertThat(p.nameChangeRequired()).isFalse();
        assertThat(with(p, "Сидорова", "Иванова").nameChangeRequired()).isTrue();
        assertThat(with(p, "Пётров", " ПЕТРОВ ").nameChangeRequired()).as("case, spaces, ё").isFalse();
        assertThat(with(p, "Семёнова", "семенова").nameChangeRequired()).isFalse();
        assertThat(with(p, "Петров", "").nameChangeRequired()).isFalse();
        assertThat(with(p, "Петров", null).nameChangeRequired()).isFalse();
        assertThat(p.fullName()).isEqualTo("Петров Пётр Петрович");
        assertThat(p.shortName()).isEqualTo("Петров П. П.");
        assertThat(p.displayName()).isEqualTo("Петров Пётр Петрович (Математика)");
    }

    static ApplicationForm.Participant with(ApplicationForm.Participant p, String surname, String diplomaSurname) {
        return new ApplicationForm.Participant(p.participantId(), surname, p.name(), p.patronymic(), p.sex(), p.position(),
                p.birthDate(), p.subject(), p.educationLevel(), diplomaSurname, p.diplomaSeries(), p.diplomaNumber(),
                p.snils(), p.email());
    }

    /** Events stored before a field was added still read: the new fields come back empty. */
    @Test
    void programmePublishedOfTheFirstRevisionStillReads() throws IOException {
        ProgrammePublished old = JSON.readValue(EventGoldenFiles.text("ProgrammePublished.v1", ApplicationEventJsonTest.class), ProgrammePublished.class);
        assertThat(old.title()).isEqualTo("Оценивание функциональной грамотности обучающихся");
        assertThat(old.pricePerParticipant()).isEqualByComparingTo("12000");
        assertThat(old.lmsCourseUrl()).isNull();
        assertThat(old.tutors()).isEmpty();
    }

    /** A submission from before the consent's text was versioned reads with no version. */
    @Test
    void applicationSubmittedOfTheFirstRevisionStillReads() throws IOException {
        ApplicationSubmitted old = JSON.readValue(EventGoldenFiles.text("ApplicationSubmitted.v1",
                ApplicationEventJsonTest.class), ApplicationSubmitted.class);
        assertThat(old.number()).isEqualTo("000-000123");
        assertThat(old.consentVersion()).isNull();
    }

    /** Personal data of the form is marked, so that audit views can mask it and a serializer can encrypt it. */
    @Test
    void personalFieldsAreMarked() {
        Set<String> marked = new TreeSet<>();
        for (Class<?> type : List.of(ApplicationForm.Applicant.class, ApplicationForm.Participant.class)) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(PersonalData.class)) {
                    marked.add(type.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertThat(marked).contains("Applicant.surname", "Applicant.email", "Applicant.mobilePhone",
                "Participant.snils", "Participant.birthDate", "Participant.diplomaNumber", "Participant.email");
        assertThat(marked).doesNotContain("Participant.subject", "Participant.participantId");
    }

    @Test
    void everyEventWritesAndReadsItsGoldenJson() {
        EventGoldenFiles.check(ApplicationEvent.class, EXAMPLES, ApplicationEventJsonTest.class);
    }
}
