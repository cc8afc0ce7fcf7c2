package ru.fioco.training.application.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.platform.json.EventJson;

/** The auditor's mask, driven by the marks on the events' fields (plain objects, JSON as published). */
class PersonalDataMaskTest {

    @Test
    void namesBecomeInitialsAndOtherPersonalDataIsHiddenDownToNestedLists() {
        ApplicationSubmitted submitted = new ApplicationSubmitted("a", "000-000001", Instant.parse("2027-01-10T09:00:00Z"),
                LocalDate.of(2027, 1, 13), false, ApplicationForms.complete("p", 2));
        JsonNode masked = PersonalDataMask.mask(json(submitted), ApplicationSubmitted.class);

        JsonNode participant = masked.path("form").path("participants").path(1);
        assertThat(participant.path("surname").asText()).isEqualTo("П.");
        assertThat(participant.path("name").asText()).isEqualTo("П.");
        assertThat(participant.path("snils").asText()).isEqualTo("скрыто");
        assertThat(participant.path("birthDate").asText()).isEqualTo("скрыто");
        assertThat(participant.path("subject").asText()).isEqualTo("Математика");
        assertThat(masked.path("form").path("applicant").path("mobilePhone").asText()).isEqualTo("скрыто");
        // unmarked, but an e-mail address: hidden all the same
        assertThat(masked.path("form").path("organisation").path("officialEmail").asText()).isEqualTo("скрыто");
        assertThat(masked.path("form").path("organisation").path("inn").asText()).isEqualTo(ApplicationForms.INN);
        assertThat(masked.path("number").asText()).isEqualTo("000-000001");
    }

    @Test
    void confidentialFieldsAreHiddenEvenInsideAnotherRecord() {
        JsonNode access = PersonalDataMask.mask(json(new CourseAccessGranted("a", "https://lms/42", "KQ7M-X4TD",
                "Иванова Мария Петровна", "tutor@fioco.ru", "Шаги")), CourseAccessGranted.class);
        assertThat(access.path("enrolmentKey").asText()).isEqualTo("скрыто");
        assertThat(access.path("courseUrl").asText()).isEqualTo("https://lms/42");
        assertThat(access.path("tutorEmail").asText()).isEqualTo("скрыто");

        JsonNode notice = PersonalDataMask.mask(json(new NoticePosted("a", "n", 1, NoticeKind.COURSE_ACCESS_GRANTED,
                List.of(Side.ORGANISATION), NoticeParameters.builder().applicationNumber("000-000001")
                .access("https://lms/42", "KQ7M-X4TD", "Иванова Мария Петровна", "tutor@fioco.ru", "Шаги").build(),
                "c", Instant.parse("2027-01-10T09:00:00Z"), List.of("a@school.ru", "b@school.ru"))), NoticePosted.class);
        assertThat(notice.path("parameters").path("enrolmentKey").asText()).isEqualTo("скрыто");
        assertThat(notice.path("parameters").path("tutorName").asText()).isEqualTo("И. М. П.");
        assertThat(notice.path("parameters").path("applicationNumber").asText()).isEqualTo("000-000001");
        assertThat(notice.path("mailTo").get(1).asText()).isEqualTo("скрыто");
        assertThat(notice.toString()).doesNotContain("KQ7M", "school.ru", "Иванова");
    }

    @Test
    void oneFieldIsShownAsTheMaskWouldShowIt() {
        DocumentUploaded uploaded = new DocumentUploaded("a", "p1", DocumentSlot.PASSPORT, 1, "d", 10, "ab",
                "application/pdf", "паспорт Петрова.pdf", "school@example.ru");
        assertThat(PersonalDataMask.shown(uploaded, "fileName", false)).isEqualTo("паспорт Петрова.pdf");
        assertThat(PersonalDataMask.shown(uploaded, "fileName", true)).isEqualTo("скрыто");
        assertThat(PersonalDataMask.shown(uploaded, "uploadedBy", true)).isEqualTo("скрыто");
        assertThat(PersonalDataMask.shown(uploaded, "slot", true)).isEqualTo("PASSPORT");
        assertThatThrownBy(() -> PersonalDataMask.shown(uploaded, "nothing", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initialsCutOnlyTheNameNotWhatFollowsInBrackets() {
        assertThat(PersonalDataMask.initials("Петров Пётр Петрович (Математика)")).isEqualTo("П. П. П. (Математика)");
        assertThat(PersonalDataMask.initials("  Ёлкина   Анна ")).isEqualTo("Ё. А.");
    }

    static JsonNode json(Object event) {
        return EventJson.plainTree(event);
    }
}
