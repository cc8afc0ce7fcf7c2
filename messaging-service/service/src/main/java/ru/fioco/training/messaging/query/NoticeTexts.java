package ru.fioco.training.messaging.query;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.platform.api.MarkedFields;

/**
 * The Russian text of a notice, rendered from its kind's template ({@code templates/notices/<KIND>.txt}: a
 * {@code title} and a {@code text} fragment) with its parameters, the same for the thread and the mail. The
 * values are written here the one way the platform writes them (dates dd.MM.yyyy, roubles with kopecks, a
 * document slot by its title); what a reader may not see (names, free text, the enrolment key, for auditors)
 * is «скрыто» before the template sees it.
 */
@ApplicationScoped
public class NoticeTexts {

    /** A notice as a reader reads it. */
    public record Rendered(String title, String text) {
    }

    static final String HIDDEN = "скрыто";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String PROVISIONAL =
            " (срок рассчитан по предварительному производственному календарю и может уточниться)";

    @Inject
    Engine engine;

    /** Outside Quarkus (unit tests): the given engine finds the templates. */
    public static NoticeTexts with(Engine engine) {
        NoticeTexts texts = new NoticeTexts();
        texts.engine = engine;
        return texts;
    }

    /** @param masked for auditors: personal and confidential parameters read «скрыто» */
    public Rendered render(NoticeKind kind, NoticeParameters parameters, boolean masked) {
        NoticeParameters p = parameters == null ? NoticeParameters.builder().build() : parameters;
        if (masked) {
            p = MarkedFields.hidden(p, HIDDEN);
        }
        Template template = engine.getTemplate("notices/" + kind.name() + ".txt");
        if (template == null) {
            throw new IllegalStateException("no template for the notice kind " + kind);
        }
        Map<String, Object> data = data(kind, p);
        return new Rendered(template.getFragment("title").data(data).render().strip(),
                template.getFragment("text").data(data).render().strip());
    }

    private static Map<String, Object> data(NoticeKind kind, NoticeParameters p) {
        Map<String, Object> data = new HashMap<>();
        data.put("kindTitle", kind.title());
        data.put("number", text(p.applicationNumber()));
        data.put("programme", text(p.programmeTitle()));
        data.put("date", date(p.date()));
        data.put("provisional", p.provisionalCalendar());
        data.put("provisionalNote", PROVISIONAL);
        data.put("documentNumber", text(p.documentNumber()));
        data.put("amount", rubles(p.amount()));
        data.put("totalPaid", rubles(p.totalPaid()));
        data.put("fullyPaid", p.fullyPaid());
        data.put("paymentOrderNumber", text(p.paymentOrderNumber()));
        data.put("slot", p.slot() == null ? "" : DocumentSlot.valueOf(p.slot()).title());
        data.put("participant", text(p.participantName()));
        data.put("version", p.version() == null ? "" : p.version().toString());
        data.put("laterVersion", p.version() != null && p.version() > 1);
        data.put("reason", text(p.reason()));
        data.put("note", text(p.note()));
        data.put("byInstitute", p.actingSide() == Side.INSTITUTE);
        data.put("courseUrl", text(p.courseUrl()));
        data.put("key", text(p.enrolmentKey()));
        data.put("tutor", text(p.tutorName()));
        data.put("tutorEmail", text(p.tutorEmail()));
        // several tutors travel as one line «name, e-mail; name, e-mail» (see NoticePolicy)
        data.put("severalTutors", p.tutorEmail() == null && p.tutorName() != null && p.tutorName().contains("; "));
        data.put("instructions", text(p.instructions()));
        data.put("trackingNumber", text(p.trackingNumber()));
        data.put("withCertificates", p.withCertificates());
        data.put("dueDate", p.dueDate() == null ? "" : date(p.dueDate()));
        return data;
    }

    /** Missing text is empty: the templates leave out what is not there. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    /** «12 000,00 руб.» */
    static String rubles(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount) + " руб.";
    }
}
