package ru.fioco.training.application.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;

/** One readable line per typed event, never showing what the reader's view of the data hides (plain objects). */
class SummariesTest {

    static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void linesNameNumbersDatesAmountsAndDocumentKinds() {
        assertThat(Summaries.of(new ApplicationSubmitted("a", "000-000042", AT, LocalDate.of(2027, 1, 13), false,
                ApplicationForms.complete("p", 1)), false))
                .isEqualTo("Заявка № 000-000042 отправлена; рассмотреть до 2027-01-13");
        assertThat(Summaries.of(new DocumentRejected("a", "p1", DocumentSlot.SNILS, 2, "Нечитаемо"), false))
                .isEqualTo("Документ «СНИЛС» (версия 2) отклонён: Нечитаемо");
        assertThat(Summaries.of(new PaymentRecorded("a", "512", LocalDate.of(2027, 1, 22), new BigDecimal("12000.00"),
                new BigDecimal("24000.00"), true), false))
                .isEqualTo("Оплата 12000.00 руб. (всего 24000.00), оплачено полностью");
        assertThat(Summaries.of(new MessagePosted("a", "m", 1, Side.INSTITUTE, "staff", "Текст",
                List.of(new MessagePosted.Attachment("f", "скан.pdf", "application/pdf", 1, "ab")), AT), true))
                .isEqualTo("Сообщение института, файлов: 1");
    }

    @Test
    void aNoticeIsNamedByItsKindAndAnOldOneByItsTitle() {
        assertThat(Summaries.of(new NoticePosted("a", "n", 3, NoticeKind.COURSE_ACCESS_GRANTED, List.of(Side.ORGANISATION),
                NoticeParameters.builder().access("https://lms", "KQ7M-X4TD", "Тьютор", "t@fioco.ru", "Шаги").build(),
                "c", AT, List.of("a@school.ru")), true)).isEqualTo("Уведомление: Доступ к курсу открыт");
        assertThat(Summaries.of(new SystemNoticePosted("a", "n", 3, NoticeKind.COURSE_ACCESS_GRANTED,
                List.of(Side.ORGANISATION), "Доступ к курсу открыт", "Кодовое слово: KQ7M-X4TD", "c", AT, List.of()), true))
                .isEqualTo("Уведомление: Доступ к курсу открыт").doesNotContain("KQ7M");
    }

    @Test
    void freeTextIsShownAsTheMaskShowsItsField() {
        ApplicationReturned returned = new ApplicationReturned("a", "Исправьте СНИЛС");
        assertThat(Summaries.of(returned, false)).isEqualTo("Заявка возвращена на доработку: Исправьте СНИЛС");
        // a reason is free text: personal data until proven otherwise, so an auditor reads it hidden, as in the data
        assertThat(Summaries.of(returned, true)).isEqualTo("Заявка возвращена на доработку: скрыто");
        assertThat(Summaries.of(new ApplicationReturned("a", "staff@fioco.ru"), true))
                .isEqualTo("Заявка возвращена на доработку: скрыто");
    }
}
