package ru.fioco.training.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.EventGoldenFiles;

/** Pins the JSON of every thread event to a golden file; free text, names and addresses are marked. */
class ThreadEventJsonTest {

    static final String APP = "9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final Instant AT = Instant.parse("2027-01-27T09:15:00Z");

    static final Map<String, ThreadEvent> EXAMPLES = Map.ofEntries(
            Map.entry("ThreadOpened", new ThreadOpened(APP, "000-000123", "7707083893", "МБОУ «Школа № 1»", "prog-1",
                    "Смирнова Анна Сергеевна", "smirnova@school1.ru")),
            Map.entry("ApplicantContactChanged", new ApplicantContactChanged(APP, "Орлов Павел Ильич", "orlov@school1.ru")),
            Map.entry("MessagePosted", new MessagePosted(APP, "m-1", 3, Side.ORGANISATION, "school@example.ru",
                    "Добрый день! Прикладываю скан.", List.of(new MessagePosted.Attachment("65a0c0ffee0000000000000a",
                    "скан договора.pdf", "application/pdf", 123456, "ab".repeat(32))), AT)),
            Map.entry("SystemNoticePosted", new SystemNoticePosted(APP, "n-1", 4, NoticeKind.COURSE_ACCESS_GRANTED,
                    List.of(Side.ORGANISATION), "Доступ к курсу открыт", "Кодовое слово: KQ7M-X4TD-9PWE-H3RA",
                    "ce-123", AT, List.of("smirnova@school1.ru"))),
            Map.entry("NoticePosted", new NoticePosted(APP, "n-2", 5, NoticeKind.COURSE_ACCESS_GRANTED,
                    List.of(Side.ORGANISATION), NoticeParameters.builder().applicationNumber("000-000123")
                    .access("https://lms.fioco.ru/course/view.php?id=42", "KQ7M-X4TD-9PWE-H3RA", "Иванова Мария Петровна",
                            "tutor@fioco.ru", "Войдите на платформу и введите кодовое слово.").build(),
                    "ce-124", AT, List.of("smirnova@school1.ru"))),
            Map.entry("ThreadRead", new ThreadRead(APP, Side.INSTITUTE, 4, "staff@fioco.ru", AT)),
            Map.entry("NoticeMailed", new NoticeMailed(APP, "n-1", "smirnova@school1.ru", AT)),
            Map.entry("ThreadClosed", new ThreadClosed(APP, "Заявка выполнена")));

    @Test
    void everyEventWritesAndReadsItsGoldenJson() {
        EventGoldenFiles.check(ThreadEvent.class, EXAMPLES, ThreadEventJsonTest.class);
    }

    /** A notice's parameters of a kind that needs few of them: the rest stay empty, and read back so. */
    @Test
    void aNoticeCarriesOnlyTheParametersOfItsKind() throws Exception {
        NoticePosted concluded = new NoticePosted(APP, "n-3", 6, NoticeKind.CONTRACT_CONCLUDED, List.of(Side.ORGANISATION),
                NoticeParameters.builder().date(LocalDate.of(2027, 1, 20)).build(), "ce-125", AT, List.of());
        NoticePosted read = EventJson.mapper().readValue(
                EventJson.mapper().writeValueAsString(concluded), NoticePosted.class);
        assertThat(read).isEqualTo(concluded);
        assertThat(read.parameters().enrolmentKey()).isNull();
    }

    @Test
    void freeTextNamesAndAddressesArePersonalDataAndNoticeTextsConfidential() {
        assertThat(marked(MessagePosted.class, PersonalData.class)).containsExactly("text");
        assertThat(marked(MessagePosted.Attachment.class, PersonalData.class)).containsExactly("fileName");
        assertThat(marked(ThreadOpened.class, PersonalData.class)).containsExactly("applicantName", "applicantEmail");
        assertThat(marked(SystemNoticePosted.class, Confidential.class)).containsExactly("text");
        assertThat(marked(SystemNoticePosted.class, PersonalData.class)).containsExactly("mailTo");
        assertThat(marked(NoticePosted.class, PersonalData.class)).containsExactly("mailTo");
        assertThat(marked(NoticeParameters.class, Confidential.class)).containsExactly("enrolmentKey");
        assertThat(marked(NoticeParameters.class, PersonalData.class)).containsExactly("participantName", "reason",
                "note", "tutorName", "tutorEmail");
        assertThat(marked(NoticeMailed.class, PersonalData.class)).containsExactly("to");
    }

    private static List<String> marked(Class<? extends Record> type, Class<? extends Annotation> mark) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.isAnnotationPresent(mark))
                .map(RecordComponent::getName).toList();
    }
}
