package ru.fioco.training.application.query.nextstep;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.contract.api.PaymentState;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.SlotIndicator;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/**
 * What each side must do next for an application, and by when, in the seed's words: derived from the facts the
 * {@link NextStepBook} keeps and the programme's dates, on the production calendar. The cabinet's front page.
 */
public final class NextSteps {

    /** Submission no later than this many working days before the start (the application's rule). */
    static final int SUBMISSION_DAYS = 7;
    /** Conclusion no later than this many working days before the start (the contract's rule). */
    static final int CONCLUSION_DAYS = 3;
    /** The contract template gives the school this many working days to pay an invoice in advance. */
    static final int PREPAYMENT_DAYS = 5;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One side's next step: what to do and by when ({@code dueDate} null: no date). */
    public record Step(String text, LocalDate dueDate, boolean provisional, boolean overdue) {
    }

    /**
     * @param organisation the representative's next step (null: nothing to do)
     * @param institute    what the institute owes next (null: nothing)
     */
    public record Next(String applicationId, String number, ApplicationStatus status, String statusTitle,
            ContractStatus contractStatus, Step organisation, Step institute, long unreadForOrganisation,
            long unreadForInstitute) {
    }

    /** The programme's dates, when the catalogue knows the programme. */
    public record Programme(LocalDate start, LocalDate end) {
    }

    private NextSteps() {
    }

    public static Next of(NextStepBook.Known known, Programme programme, LocalDate today, ProductionCalendar calendar) {
        Parts.Application a = known.application() == null ? new Parts.Application() : known.application();
        Parts.Documents d = known.documents() == null ? new Parts.Documents() : known.documents();
        Parts.Contract c = known.contract();
        Parts.Thread t = known.thread() == null ? new Parts.Thread() : known.thread();
        ApplicationStatus status = a.status == null ? null : ApplicationStatus.valueOf(a.status);
        ContractStatus contract = c == null || c.status == null ? null : ContractStatus.valueOf(c.status);
        LocalDate start = c != null && c.programmeStart != null ? c.programmeStart : programme == null ? null : programme.start();
        LocalDate end = c != null && c.programmeEnd != null ? c.programmeEnd : programme == null ? null : programme.end();
        Facts f = new Facts(a, d, c, status, contract, start, end, today, calendar);
        return new Next(known.applicationId(), a.number, status, status == null ? null : status.title(), contract,
                organisation(f), institute(f), unread(t, "ORGANISATION"), unread(t, "INSTITUTE"));
    }

    /** Posted for the side and after its read mark: messages of the other side, notices to this side. */
    static long unread(Parts.Thread t, String side) {
        long read = side.equals("ORGANISATION") ? t.readByOrganisation : t.readByInstitute;
        return t.entries.stream().filter(e -> e.sequence > read)
                .filter(e -> e.from != null ? !e.from.equals(side) : e.to.contains(side)).count();
    }

    // ------------------------------------------------------------------ the organisation's side

    private static Step organisation(Facts f) {
        if (f.status == null) {
            return null;
        }
        switch (f.status) {
            case DRAFT -> {
                List<String> missing = f.missingScans();
                if (!missing.isEmpty()) {
                    return f.step(missing.get(0) + more(missing.size() - 1), f::submissionDeadline);
                }
                return f.step(f.a.returnedReason != null
                        ? "Исправьте заявку по замечанию института и отправьте её снова"
                        : "Проверьте заявку и отправьте её", f::submissionDeadline);
            }
            case SUBMITTED -> {
                List<String> rejected = f.rejectedScans();
                if (!rejected.isEmpty()) {
                    return f.step(rejected.get(0) + more(rejected.size() - 1), null);
                }
                return f.step("Ожидайте проверки заявки", f::reviewDeadline);
            }
            case IN_WORK -> {
                return inWork(f);
            }
            default -> {
                return null;
            }
        }
    }

    private static Step inWork(Facts f) {
        List<String> rejected = f.rejectedScans();
        if (f.contract == null || f.contract == ContractStatus.OPENED) {
            return f.step("Ожидайте проекты договора и согласия на обработку персональных данных", null);
        }
        if (!f.contract.concluded()) {
            if (f.c.changesRequestedOn >= f.c.draftVersion && f.c.draftVersion > 0) {
                return f.step("Ожидайте новую версию проекта договора с учётом ваших замечаний", f::conclusionDeadline);
            }
            if (!rejected.isEmpty()) {
                return f.step(rejected.get(0) + more(rejected.size() - 1), f::conclusionDeadline);
            }
            if (f.missing(DocumentSlot.SIGNED_CONTRACT) || f.missing(DocumentSlot.SIGNED_CONSENT)) {
                return f.step("Подпишите договор и согласие на обработку персональных данных и загрузите их сканы",
                        f::conclusionDeadline);
            }
            return f.step("Ожидайте проверки документов и заключения договора", f::conclusionDeadline);
        }
        Parts.Contract c = f.c;
        boolean unpaid = c.invoiceNumber != null && PaymentState.of(c.invoiced, c.paid) != PaymentState.PAID;
        if (unpaid && c.prepayment) {
            return f.step("Оплатите счёт № " + c.invoiceNumber, c.invoiceDue != null
                    ? () -> new Deadline(c.invoiceDue, c.invoiceDueProvisional)
                    : () -> f.workingDaysAfter(c.invoicedOn, PREPAYMENT_DAYS));
        }
        if (c.actNumber == null) {
            if (f.start != null && f.today.isBefore(f.start)) {
                return f.step("Передайте участникам адрес курса и кодовое слово; курс начинается "
                        + DATE.format(f.start), () -> new Deadline(f.start, false));
            }
            return f.step("Участники проходят обучение" + (f.end == null ? "" : " до " + DATE.format(f.end)), null);
        }
        if (f.missing(DocumentSlot.SIGNED_ACT) || f.d.indicator(null, DocumentSlot.SIGNED_ACT) == SlotIndicator.REJECTED) {
            return f.step("Подпишите акт оказания услуг № " + c.actNumber + " и загрузите его скан", null);
        }
        if (c.originalsDue != null && !c.originalsReceived) {
            return f.step("Отправьте оригиналы подписанных документов почтой", () -> new Deadline(c.originalsDue, false));
        }
        if (unpaid) {
            return f.step("Оплатите счёт № " + c.invoiceNumber,
                    c.invoiceDue == null ? null : () -> new Deadline(c.invoiceDue, c.invoiceDueProvisional));
        }
        if (!c.trackingNumbers.isEmpty()) {
            return f.step("Получите документы почтой: трек-номер " + c.trackingNumbers.get(c.trackingNumbers.size() - 1),
                    null);
        }
        return f.step("Ожидайте итогов обучения и удостоверений", null);
    }

    // ------------------------------------------------------------------ the institute's side

    private static Step institute(Facts f) {
        if (f.status == null || f.status == ApplicationStatus.DRAFT || !f.status.isOpen()) {
            return null;
        }
        int awaiting = f.awaitingReview();
        if (f.status == ApplicationStatus.SUBMITTED) {
            return f.step(awaiting > 0 ? "Рассмотрите заявку и проверьте документы (" + awaiting + ")"
                    : "Рассмотрите заявку", f::reviewDeadline);
        }
        if (awaiting > 0) {
            return f.step("Проверьте документы (" + awaiting + ")",
                    f.contract != null && !f.contract.concluded() ? f::conclusionDeadline : null);
        }
        if (f.contract == null || f.contract == ContractStatus.OPENED) {
            return null; // the contract opens by itself once the application is taken into work
        }
        Parts.Contract c = f.c;
        if (!f.contract.concluded()) {
            if (c.changesRequestedOn >= c.draftVersion && c.draftVersion > 0) {
                return f.step("Загрузите новую версию проекта договора: организация просит изменений",
                        f::conclusionDeadline);
            }
            return f.allScansAccepted() ? f.step("Заключите договор", f::conclusionDeadline) : null;
        }
        boolean paid = c.invoiceNumber != null && PaymentState.of(c.invoiced, c.paid) == PaymentState.PAID;
        if (c.actNumber == null) {
            return f.end != null && f.today.isAfter(f.end) ? f.step("Выставьте акт оказания услуг", null) : null;
        }
        if (c.originalsDue != null && !c.originalsReceived) {
            return f.step("Отметьте получение оригиналов документов", () -> new Deadline(c.originalsDue, false));
        }
        if (!c.originalsReceived) {
            return null;
        }
        if (c.results.size() < c.participants) {
            return f.step("Внесите итоги обучения участников", null);
        }
        long passed = c.results.values().stream().filter(Boolean::booleanValue).count();
        if (paid && c.certificates.size() < passed) {
            return f.step("Выпустите удостоверения о повышении квалификации", null);
        }
        if (c.trackingNumbers.isEmpty() || (paid && f.contract != ContractStatus.CLOSED)) {
            return f.step("Отправьте документы почтой", null);
        }
        return null;
    }

    /** «Паспорт» -> «паспорт» inside a sentence; «СНИЛС» stays. */
    static String lowerFirst(String title) {
        return title.length() > 1 && Character.isLowerCase(title.charAt(1))
                ? Character.toLowerCase(title.charAt(0)) + title.substring(1) : title;
    }

    private static String more(int others) {
        return others <= 0 ? "" : " (и ещё " + others + ")";
    }

    /** The facts at hand and the deadlines counted from them. */
    private record Facts(Parts.Application a, Parts.Documents d, Parts.Contract c, ApplicationStatus status,
            ContractStatus contract, LocalDate start, LocalDate end, LocalDate today, ProductionCalendar calendar) {

        Step step(String text, Supplier<Deadline> due) {
            Deadline deadline = null;
            if (due != null) {
                try {
                    deadline = due.get();
                } catch (IllegalArgumentException outsideTheCalendar) {
                    deadline = null; // a date the calendar does not cover: the step stands without a date
                }
            }
            return deadline == null ? new Step(text, null, false, false)
                    : new Step(text, deadline.date(), deadline.provisional(), today.isAfter(deadline.date()));
        }

        Deadline submissionDeadline() {
            return start == null ? null : calendar.lastDayNoLaterThanWorkingDaysBefore(start, SUBMISSION_DAYS);
        }

        Deadline conclusionDeadline() {
            return start == null ? null : calendar.lastDayNoLaterThanWorkingDaysBefore(start, CONCLUSION_DAYS);
        }

        Deadline reviewDeadline() {
            return a.reviewDueDate == null ? null : new Deadline(a.reviewDueDate, a.reviewDueProvisional);
        }

        Deadline workingDaysAfter(LocalDate day, int n) {
            return day == null ? null : calendar.endOfWorkingDaysAfter(day, n);
        }

        /** «Загрузите СНИЛС: Петров П. П.», per participant and required slot without a version. */
        List<String> missingScans() {
            List<String> missing = new ArrayList<>();
            for (Parts.Participant p : a.participants) {
                for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(p.nameChangeRequired)) {
                    if (d.indicator(p.participantId, slot) == SlotIndicator.MISSING) {
                        missing.add("Загрузите " + lowerFirst(slot.title()) + ": " + p.shortName);
                    }
                }
            }
            return missing;
        }

        /** «Замените отклонённый документ «СНИЛС»: Петров П. П.», for the participants' and the application's slots. */
        List<String> rejectedScans() {
            List<String> rejected = new ArrayList<>();
            for (Parts.Participant p : a.participants) {
                for (DocumentSlot slot : DocumentSlot.values()) {
                    if (slot.perParticipant() && d.indicator(p.participantId, slot) == SlotIndicator.REJECTED) {
                        rejected.add("Замените отклонённый документ «" + slot.title() + "»: " + p.shortName);
                    }
                }
            }
            for (DocumentSlot slot : DocumentSlot.values()) {
                if (!slot.perParticipant() && d.indicator(null, slot) == SlotIndicator.REJECTED) {
                    rejected.add("Замените отклонённый документ «" + slot.title() + "»");
                }
            }
            return rejected;
        }

        boolean missing(DocumentSlot applicationSlot) {
            return d.indicator(null, applicationSlot) == SlotIndicator.MISSING;
        }

        int awaitingReview() {
            int n = 0;
            for (Parts.Participant p : a.participants) {
                for (DocumentSlot slot : DocumentSlot.values()) {
                    if (slot.perParticipant() && d.indicator(p.participantId, slot) == SlotIndicator.ATTENTION) {
                        n++;
                    }
                }
            }
            for (DocumentSlot slot : DocumentSlot.values()) {
                if (!slot.perParticipant() && d.indicator(null, slot) == SlotIndicator.ATTENTION) {
                    n++;
                }
            }
            return n;
        }

        /** Every participant's required scans and the signed contract and consent are accepted. */
        boolean allScansAccepted() {
            for (Parts.Participant p : a.participants) {
                for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(p.nameChangeRequired)) {
                    if (d.indicator(p.participantId, slot) != SlotIndicator.ACCEPTED) {
                        return false;
                    }
                }
            }
            return d.indicator(null, DocumentSlot.SIGNED_CONTRACT) == SlotIndicator.ACCEPTED
                    && d.indicator(null, DocumentSlot.SIGNED_CONSENT) == SlotIndicator.ACCEPTED;
        }
    }
}
