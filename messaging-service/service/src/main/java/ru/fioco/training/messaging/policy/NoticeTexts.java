package ru.fioco.training.messaging.policy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ru.fioco.training.document.api.DocumentSlot;

/** The Russian wording of notices: one place, so that a change of wording is one change. */
final class NoticeTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String PROVISIONAL = " (срок рассчитан по предварительному производственному календарю и может уточниться)";

    private NoticeTexts() {
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    /** «12 000,00 руб.» */
    static String rubles(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount) + " руб.";
    }

    static String slot(DocumentSlot slot) {
        return switch (slot) {
            case PASSPORT -> "Паспорт";
            case SNILS -> "СНИЛС";
            case EDUCATION -> "Документ об образовании";
            case NAME_CHANGE -> "Документ о смене фамилии";
            case SIGNED_CONTRACT -> "Подписанный договор";
            case SIGNED_CONSENT -> "Подписанное согласие на обработку персональных данных";
            case SIGNED_ACT -> "Подписанный акт оказания услуг";
            case PAYMENT_ORDER -> "Платёжное поручение";
        };
    }

    static String quoted(String title) {
        return title == null ? "" : " «" + title + "»";
    }
}
