package ru.fioco.training.messaging.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.Templates;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;

/** Each notice kind's template, rendered with its parameters for the parties and for an auditor (Qute, no Quarkus). */
class NoticeTextsTest {

    static final NoticeTexts TEXTS = Templates.noticeTexts();

    @Test
    void everyKindHasATitleAndATextEvenWithNoParameters() {
        for (NoticeKind kind : NoticeKind.values()) {
            NoticeTexts.Rendered empty = TEXTS.render(kind, NoticeParameters.builder().build(), false);
            assertThat(empty.title()).as(kind.name()).isNotBlank().doesNotContain("{", "null");
            assertThat(empty.text()).as(kind.name()).isNotBlank().doesNotContain("{", "null");
        }
    }

    @Test
    void theAccessNoticeCarriesTheKeyForThePartiesOnly() {
        NoticeParameters access = NoticeParameters.builder().applicationNumber("000-000042")
                .access("https://lms.fioco.ru/course/view.php?id=42", "KQ7M-X4TD-9PWE-H3RA", "Иванова Мария Петровна",
                        "tutor@fioco.ru", "Войдите и введите кодовое слово.").build();

        NoticeTexts.Rendered school = TEXTS.render(NoticeKind.COURSE_ACCESS_GRANTED, access, false);
        assertThat(school.title()).isEqualTo("Доступ к курсу открыт");
        assertThat(school.text()).isEqualTo("""
                Курс: https://lms.fioco.ru/course/view.php?id=42
                Кодовое слово для записи на курс: KQ7M-X4TD-9PWE-H3RA
                Тьютор: Иванова Мария Петровна, tutor@fioco.ru

                Войдите и введите кодовое слово.

                Передайте кодовое слово только участникам обучения.""");

        NoticeTexts.Rendered auditor = TEXTS.render(NoticeKind.COURSE_ACCESS_GRANTED, access, true);
        assertThat(auditor.text()).contains("Кодовое слово для записи на курс: скрыто", "Тьютор: скрыто, скрыто",
                "https://lms.fioco.ru/course/view.php?id=42").doesNotContain("KQ7M", "Иванова", "tutor@");
    }

    @Test
    void datesAmountsSlotsAndVersionsAreWrittenTheOneWay() {
        assertThat(TEXTS.render(NoticeKind.INVOICE_ISSUED, NoticeParameters.builder().documentNumber("СЧ-2027-000001")
                .date(LocalDate.of(2027, 1, 20)).amount(new BigDecimal("1234567.5")).build(), false))
                .isEqualTo(new NoticeTexts.Rendered("Выставлен счёт № СЧ-2027-000001", "Счёт № СЧ-2027-000001 от "
                        + "20.01.2027 на сумму 1 234 567,50 руб. (без НДС) — в личном кабинете. После оплаты загрузите "
                        + "платёжное поручение."));
        assertThat(TEXTS.render(NoticeKind.DOCUMENT_REJECTED, NoticeParameters.builder()
                .document("SNILS", "p1", "Петров П. П.", 2).reason("Нечитаемо").build(), false).text())
                .startsWith("«СНИЛС» участника Петров П. П. (версия 2) отклонён. Причина: Нечитаемо\n");
        assertThat(TEXTS.render(NoticeKind.DRAFTS_AVAILABLE, NoticeParameters.builder().version(1).build(), false))
                .satisfies(r -> {
                    assertThat(r.title()).isEqualTo("Проект договора готов");
                    assertThat(r.text()).doesNotContain("Комментарий");
                });
        assertThat(TEXTS.render(NoticeKind.DRAFTS_AVAILABLE, NoticeParameters.builder().version(2)
                .note("Изменили пункт 4").build(), false))
                .satisfies(r -> {
                    assertThat(r.title()).isEqualTo("Проект договора готов (версия 2)");
                    assertThat(r.text()).endsWith("\nКомментарий: Изменили пункт 4");
                });
        assertThat(TEXTS.render(NoticeKind.APPLICATION_RECEIVED, NoticeParameters.builder().applicationNumber("000-000042")
                .programmeTitle("Оценивание").date(LocalDate.of(2028, 1, 14), true).build(), false).text())
                .isEqualTo("Заявка № 000-000042 на обучение по программе «Оценивание» получена. Срок рассмотрения — до "
                        + "14.01.2028 включительно (срок рассчитан по предварительному производственному календарю и "
                        + "может уточниться).");
        assertThat(TEXTS.render(NoticeKind.APPLICATION_WITHDRAWN, NoticeParameters.builder().applicationNumber("000-000042")
                .reason("Передумали").actingSide(Side.INSTITUTE).build(), false))
                .isEqualTo(new NoticeTexts.Rendered("Заявка № 000-000042 снята",
                        "Институт снял заявку. Причина: Передумали\nПереписка по заявке закрыта."));
    }
}
