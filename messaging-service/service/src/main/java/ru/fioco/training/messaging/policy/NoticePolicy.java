package ru.fioco.training.messaging.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.domain.Reminder;
import ru.fioco.training.messaging.domain.ThreadCommands.CloseThread;
import ru.fioco.training.messaging.domain.ThreadCommands.OpenThread;
import ru.fioco.training.messaging.domain.ThreadCommands.PostSystemNotice;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Turns the other services' events into the thread's notices and reminders. A notice is keyed by the
 * CloudEvent that caused it, so a redelivered event posts nothing new. A notice whose thread is not open
 * yet (the {@code contracts} topic ran ahead of {@code applications} while this service caught up) is
 * parked and posted, in event order, when the thread opens.
 */
@ApplicationScoped
public class NoticePolicy {

    private static final Logger LOG = Logger.getLogger(NoticePolicy.class);
    static final List<Side> ORGANISATION = List.of(Side.ORGANISATION);
    static final List<Side> INSTITUTE = List.of(Side.INSTITUTE);
    static final List<Side> BOTH = List.of(Side.ORGANISATION, Side.INSTITUTE);

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationFacts facts;

    @Inject
    ReminderBook reminders;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    ServiceDatabase database;

    @ConfigProperty(name = "messaging.staff-mailbox")
    Optional<String> staffMailbox;

    private MongoCollection<Document> parked;

    @PostConstruct
    void init() {
        parked = database.collection("parked_notices");
    }

    // ---------------------------------------------------------------- applications

    public void on(InboundEvent<?> event, ApplicationSubmitted e) {
        ApplicationFacts.Application app = facts.application(e.applicationId()).orElseThrow();
        commands.sendAndWait(new OpenThread(e.applicationId(), e.number(), app.organisationInn(), app.organisationName(),
                app.programmeId(), app.applicantName(), app.applicantEmail()));
        String programme = facts.programme(app.programmeId()).map(ApplicationFacts.Programme::title).orElse(null);
        post(event, e.applicationId(), NoticeKind.APPLICATION_RECEIVED, BOTH, false,
                "Заявка № " + e.number() + " получена",
                "Заявка № " + e.number() + " на обучение по программе" + NoticeTexts.quoted(programme)
                        + " получена. Срок рассмотрения — до " + NoticeTexts.date(e.reviewDueDate()) + " включительно"
                        + (e.reviewDueProvisional() ? NoticeTexts.PROVISIONAL : "") + ".");
        if (e.reviewDueDate() != null) {
            reminders.schedule(Reminder.reviewDueTomorrow(e.applicationId(), e.reviewDueDate(), calendar));
        }
        postParked(e.applicationId());
    }

    public void on(InboundEvent<?> event, ApplicationReturned e) {
        reminders.cancel(e.applicationId(), EnumSet.of(NoticeKind.REVIEW_DUE_TOMORROW), "заявка возвращена");
        post(event, e.applicationId(), NoticeKind.APPLICATION_RETURNED, ORGANISATION, true,
                "Заявка" + number(e.applicationId()) + " возвращена на доработку",
                "Заявка возвращена на доработку. Причина: " + e.reason()
                        + "\nИсправьте заявку в личном кабинете и отправьте её снова; номер заявки сохранится.");
    }

    public void onTakenIntoWork(InboundEvent<?> event, String applicationId) {
        reminders.cancel(applicationId, EnumSet.of(NoticeKind.REVIEW_DUE_TOMORROW), "заявка взята в работу");
        post(event, applicationId, NoticeKind.APPLICATION_TAKEN_INTO_WORK, ORGANISATION, false,
                "Заявка" + number(applicationId) + " взята в работу",
                "Заявка принята к исполнению. Скоро здесь появятся проекты договора и согласия на обработку персональных данных.");
    }

    public void on(InboundEvent<?> event, ApplicationWithdrawn e) {
        reminders.cancel(e.applicationId(), EnumSet.allOf(NoticeKind.class), "заявка снята");
        post(event, e.applicationId(), NoticeKind.APPLICATION_WITHDRAWN, BOTH, false,
                "Заявка" + number(e.applicationId()) + " снята",
                ("staff".equals(e.withdrawnByRole()) ? "Институт снял заявку" : "Организация сняла заявку")
                        + ". Причина: " + e.reason() + "\nПереписка по заявке закрыта.");
        close(e.applicationId(), "Заявка снята");
    }

    public void onCompleted(String applicationId) {
        reminders.cancel(applicationId, EnumSet.allOf(NoticeKind.class), "заявка выполнена");
        close(applicationId, "Заявка выполнена");
    }

    // ---------------------------------------------------------------- documents

    public void on(InboundEvent<?> event, DocumentRejected e) {
        String whose = e.participantId() == null ? "" : " участника " + facts.application(e.applicationId())
                .map(a -> a.participantNames().get(e.participantId())).orElse(e.participantId());
        post(event, e.applicationId(), NoticeKind.DOCUMENT_REJECTED, ORGANISATION, true,
                "Документ отклонён: " + NoticeTexts.slot(e.slot()),
                "«" + NoticeTexts.slot(e.slot()) + "»" + whose + " (версия " + e.version() + ") отклонён. Причина: "
                        + e.reason() + "\nЗагрузите исправленный документ в личном кабинете («изменить»).");
    }

    // ---------------------------------------------------------------- contracts

    public void on(InboundEvent<?> event, ContractDraftsIssued e) {
        post(event, e.applicationId(), NoticeKind.DRAFTS_AVAILABLE, ORGANISATION, true,
                "Проект договора готов" + (e.version() > 1 ? " (версия " + e.version() + ")" : ""),
                "Проект договора и форма согласия на обработку персональных данных готовы. Скачайте их в личном "
                        + "кабинете, подпишите и загрузите сканы подписанных документов."
                        + (e.note() == null || e.note().isBlank() ? "" : "\nКомментарий: " + e.note()));
    }

    public void on(InboundEvent<?> event, ContractConcluded e) {
        post(event, e.applicationId(), NoticeKind.CONTRACT_CONCLUDED, ORGANISATION, false,
                "Договор заключён", "Договор заключён " + NoticeTexts.date(e.concludedOn()) + ".");
        scheduleCourseReminders(e.applicationId());
    }

    public void on(InboundEvent<?> event, CourseAccessGranted e) {
        post(event, e.applicationId(), NoticeKind.COURSE_ACCESS_GRANTED, ORGANISATION, true,
                "Доступ к курсу открыт",
                "Курс: " + e.courseUrl()
                        + "\nКодовое слово для записи на курс: " + e.enrolmentKey()
                        + "\nТьютор: " + e.tutorName() + (e.tutorEmail() == null ? "" : ", " + e.tutorEmail())
                        + "\n\n" + e.instructions()
                        + "\n\nПередайте кодовое слово только участникам обучения.");
    }

    public void on(InboundEvent<?> event, InvoiceIssued e) {
        post(event, e.applicationId(), NoticeKind.INVOICE_ISSUED, ORGANISATION, true,
                "Выставлен счёт № " + e.invoiceNumber(),
                "Счёт № " + e.invoiceNumber() + " от " + NoticeTexts.date(e.issuedOn()) + " на сумму "
                        + NoticeTexts.rubles(e.amount()) + " (без НДС) — в личном кабинете. После оплаты загрузите "
                        + "платёжное поручение.");
    }

    public void on(InboundEvent<?> event, PaymentRecorded e) {
        post(event, e.applicationId(), NoticeKind.PAYMENT_RECEIVED, BOTH, false,
                "Оплата получена",
                "Получена оплата " + NoticeTexts.rubles(e.amount()) + " по платёжному поручению № "
                        + e.paymentOrderNumber() + " от " + NoticeTexts.date(e.paidOn()) + ". "
                        + (e.fullyPaid() ? "Счёт оплачен полностью." : "Всего оплачено " + NoticeTexts.rubles(e.totalPaid()) + "."));
    }

    public void on(InboundEvent<?> event, ServiceActIssued e) {
        post(event, e.applicationId(), NoticeKind.ACT_ISSUED, ORGANISATION, true,
                "Акт оказания услуг № " + e.actNumber(),
                "Акт оказания услуг № " + e.actNumber() + " от " + NoticeTexts.date(e.issuedOn()) + " — в личном "
                        + "кабинете. Подпишите его, загрузите скан и отправьте оригиналы подписанных документов почтой.");
    }

    public void on(InboundEvent<?> event, SignedActAccepted e) {
        reminders.schedule(Reminder.originalsDue(e.applicationId(), e.originalsDueDate(), calendar));
        reminders.schedule(Reminder.originalsOverdue(e.applicationId(), e.originalsDueDate(), calendar));
    }

    public void onOriginalsReceived(String applicationId) {
        reminders.cancel(applicationId, EnumSet.of(NoticeKind.ORIGINALS_DUE, NoticeKind.ORIGINALS_OVERDUE),
                "оригиналы получены");
    }

    public void on(InboundEvent<?> event, PackageShipped e) {
        post(event, e.applicationId(), NoticeKind.PACKAGE_SHIPPED, ORGANISATION, true,
                "Документы отправлены",
                (e.withCertificates() ? "Удостоверения о повышении квалификации и оригиналы документов отправлены"
                        : "Оригиналы документов отправлены (удостоверения выдаются после оплаты)")
                        + " почтой. Трек-номер для отслеживания: " + e.trackingNumber() + ".");
    }

    // ---------------------------------------------------------------- reminders

    /** The course reminders of a concluded contract, at the programme's current start date. */
    public void scheduleCourseReminders(String applicationId) {
        Optional<LocalDate> start = facts.application(applicationId)
                .flatMap(a -> facts.programme(a.programmeId())).map(ApplicationFacts.Programme::startDate)
                .or(() -> facts.contractStart(applicationId));
        start.ifPresent(date -> {
            reminders.schedule(Reminder.courseStartsSoon(applicationId, date, calendar));
            reminders.schedule(Reminder.courseStartsTomorrow(applicationId, date));
        });
    }

    /** The programme's dates changed: concluded contracts' course reminders move with them. */
    public void programmeChanged(String programmeId) {
        facts.applicationsOf(programmeId).stream().filter(facts::concluded).forEach(this::scheduleCourseReminders);
    }

    /**
     * Fires the reminders whose moment has come: each posts its notice (keyed by the reminder, so a crash
     * before it is marked fired posts nothing twice on the next pass) and is marked fired; one that is
     * past its use (the course began) expires without a notice.
     *
     * @return how many fired
     */
    public int fireDueReminders() {
        Instant now = clock.instant();
        int fired = 0;
        for (Reminder r : reminders.due(now, 100)) {
            if (!now.isBefore(r.expiresAt())) {
                reminders.settle(r.id(), ReminderBook.Status.EXPIRED, now, "срок напоминания прошёл");
                continue;
            }
            try {
                fire(r);
            } catch (AggregateNotFoundException noThread) {
                reminders.settle(r.id(), ReminderBook.Status.CANCELLED, now, "переписка не открыта");
                continue;
            }
            if (reminders.settle(r.id(), ReminderBook.Status.FIRED, now, null)) {
                fired++;
            }
        }
        return fired;
    }

    /** Posts a reminder's notice; keyed by the reminder's id, so posting it again after a crash changes nothing. */
    public void fire(Reminder r) {
        ApplicationFacts.Application app = facts.application(r.applicationId()).orElse(null);
        String title = app == null ? null : facts.programme(app.programmeId()).map(ApplicationFacts.Programme::title).orElse(null);
        String number = app == null || app.number() == null ? "" : " № " + app.number();
        String provisional = r.provisional() ? NoticeTexts.PROVISIONAL : "";
        String about = NoticeTexts.date(r.about());
        switch (r.kind()) {
            case COURSE_STARTS_SOON -> postReminder(r, ORGANISATION, "Курс начинается через 3 рабочих дня",
                    "Курс" + NoticeTexts.quoted(title) + " начинается " + about + provisional
                            + ". Проверьте, что все участники записались на курс по кодовому слову.");
            case COURSE_STARTS_TOMORROW -> postReminder(r, ORGANISATION, "Курс начинается завтра",
                    "Курс" + NoticeTexts.quoted(title) + " начинается завтра, " + about + ".");
            case REVIEW_DUE_TOMORROW -> postReminder(r, INSTITUTE, "Завтра истекает срок рассмотрения заявки" + number,
                    "Заявку" + number + " нужно рассмотреть до " + about + " включительно" + provisional + ".");
            case ORIGINALS_DUE -> postReminder(r, ORGANISATION, "Завтра истекает срок отправки оригиналов",
                    "Оригиналы подписанных документов нужно отправить до " + about + " включительно" + provisional + ".");
            case ORIGINALS_OVERDUE -> postReminder(r, BOTH, "Оригиналы документов не получены",
                    "Срок отправки оригиналов подписанных документов истёк " + about
                            + ", оригиналы в институт не поступили. Отправьте их как можно скорее и сообщите трек-номер.");
            default -> throw new IllegalStateException("not a reminder: " + r.kind());
        }
    }

    private void postReminder(Reminder r, List<Side> audience, String title, String text) {
        String cause = "reminder:" + r.id();
        commands.sendAndWait(new PostSystemNotice(r.applicationId(), messageId(cause), r.kind(), audience, title, text,
                cause, clock.instant(), true, staffMailbox.orElse(null)));
    }

    // ---------------------------------------------------------------- posting

    private void post(InboundEvent<?> event, String applicationId, NoticeKind kind, List<Side> audience, boolean mail,
            String title, String text) {
        PostSystemNotice command = new PostSystemNotice(applicationId, messageId(event.id()), kind, audience, title, text,
                event.id(), clock.instant(), mail, staffMailbox.orElse(null));
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException notOpenYet) {
            park(command, event);
        }
    }

    private void close(String applicationId, String reason) {
        try {
            commands.sendAndWait(new CloseThread(applicationId, reason));
        } catch (AggregateNotFoundException neverOpened) {
            // a draft withdrawn before submission has no thread
        }
    }

    private void park(PostSystemNotice command, InboundEvent<?> event) {
        try {
            parked.insertOne(new Document("_id", command.cause()).append("applicationId", command.applicationId())
                    .append("eventTime", event.time() == null ? null : java.util.Date.from(event.time().toInstant()))
                    .append("command", Document.parse(EventJson.mapper().writeValueAsString(command))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.debugf("Parked notice %s: thread %s not open yet", command.cause(), command.applicationId());
        // the thread may have opened meanwhile (another topic's consumer): try once more at once
        postParked(command.applicationId());
    }

    private void postParked(String applicationId) {
        for (Document d : parked.find(Filters.eq("applicationId", applicationId)).sort(Sorts.ascending("eventTime"))
                .into(new java.util.ArrayList<>())) {
            PostSystemNotice command;
            try {
                command = EventJson.mapper().readValue(d.get("command", Document.class).toJson(), PostSystemNotice.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try {
                commands.sendAndWait(command);
            } catch (AggregateNotFoundException stillNotOpen) {
                return;
            }
            parked.deleteOne(Filters.eq("_id", d.getString("_id")));
        }
    }

    private String number(String applicationId) {
        return facts.application(applicationId).map(a -> a.number() == null ? "" : " № " + a.number()).orElse("");
    }

    /** The same cause always names the same notice. */
    static String messageId(String cause) {
        return UUID.nameUUIDFromBytes(("notice|" + cause).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
