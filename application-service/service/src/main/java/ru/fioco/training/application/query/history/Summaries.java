package ru.fioco.training.application.query.history;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationForm.PaymentTerms;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.application.api.ConsentWithdrawn;
import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammeClosed;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractProgrammeMoved;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.api.EventMapping;

/**
 * One readable Russian line per event. Numbers, dates, amounts, statuses and document kinds are written as they
 * are; anything a reader may not see (free text, names, for auditors) goes through {@link PersonalDataMask}, so a
 * line never shows what the event's data hides.
 */
final class Summaries {

    /** A line, given how the reader sees the event's fields. */
    interface Line {
        String write(Shown shown);
    }

    /** One field of the event as the reader may see it. */
    interface Shown {
        String field(Record event, String component);
    }

    private Summaries() {
    }

    static String of(Record event, boolean masked) {
        Shown shown = (e, component) -> PersonalDataMask.shown(e, component, masked);
        Line line = null;
        if (event instanceof ApplicationEvent e) {
            line = APPLICATIONS.apply(e).orElse(null);
        } else if (event instanceof DocumentEvent e) {
            line = DOCUMENTS.apply(e).orElse(null);
        } else if (event instanceof ContractEvent e) {
            line = CONTRACTS.apply(e).orElse(null);
        } else if (event instanceof ThreadEvent e) {
            line = THREADS.apply(e).orElse(null);
        }
        return line == null ? event.getClass().getSimpleName() : line.write(shown);
    }

    /** A participant's fields as the form names them. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final Map<String, String> FIELD_TITLES = Map.ofEntries(Map.entry("surname", "фамилия"),
            Map.entry("name", "имя"), Map.entry("patronymic", "отчество"), Map.entry("sex", "пол"),
            Map.entry("position", "должность"), Map.entry("birthDate", "дата рождения"), Map.entry("subject", "предмет"),
            Map.entry("educationLevel", "уровень образования"), Map.entry("diplomaSurname", "фамилия в дипломе"),
            Map.entry("diplomaSeries", "серия диплома"), Map.entry("diplomaNumber", "номер диплома"),
            Map.entry("snils", "СНИЛС"), Map.entry("email", "e-mail"));

    private static String slot(DocumentSlot slot) {
        return "«" + slot.title() + "»";
    }

    private static String side(Side side, String organisation, String institute) {
        return side == Side.ORGANISATION ? organisation : institute;
    }

    private static final EventMapping<ApplicationEvent, Line> APPLICATIONS =
            EventMapping.<ApplicationEvent, Line>of(ApplicationEvent.class, "history lines: applications")
                    .map(ProgrammePublished.class, e -> s -> "Программа «" + e.title() + "» опубликована")
                    .map(ProgrammeChanged.class, e -> s -> "Программа «" + e.title() + "» изменена")
                    .map(ProgrammeClosed.class, e -> s -> "Приём заявок на программу закрыт")
                    .map(ApplicationDrafted.class, e -> s -> "Черновик заявки создан")
                    .map(ApplicationChanged.class, e -> s -> "Черновик заявки изменён")
                    .map(ApplicationSubmitted.class, e -> s -> "Заявка № " + e.number() + " отправлена; рассмотреть до "
                            + e.reviewDueDate())
                    .map(ApplicationReturned.class, e -> s -> "Заявка возвращена на доработку: " + s.field(e, "reason"))
                    .map(ApplicationTakenIntoWork.class, e -> s -> "Заявка взята в работу (" + e.participantCount()
                            + " уч., " + (e.paymentTerms() == PaymentTerms.POSTPAYMENT ? "постоплата" : "предоплата") + ")")
                    .map(ApplicationWithdrawn.class, e -> s -> "Заявка снята: " + s.field(e, "reason"))
                    .map(ApplicationCompleted.class, e -> s -> "Заявка выполнена")
                    .map(ParticipantCorrected.class, e -> s -> "Исправлены данные участника: " + e.changedFields().stream()
                            .map(f -> FIELD_TITLES.getOrDefault(f, f)).collect(Collectors.joining(", ")))
                    .map(ParticipantsLocked.class, e -> s -> "Договор заключён: данные участников больше не меняются")
                    .map(PersonalDataErased.class, e -> s -> "Уничтожены персональные данные ("
                            + e.subject().title() + "): " + e.basis().title())
                    .map(ConsentWithdrawn.class, e -> s -> "Участник отозвал согласие на обработку персональных данных "
                            + "(получено " + DAY.format(e.receivedOn()) + "); данные уничтожаются не позднее "
                            + DAY.format(e.eraseBy()))
                    .build();

    private static final EventMapping<DocumentEvent, Line> DOCUMENTS =
            EventMapping.<DocumentEvent, Line>of(DocumentEvent.class, "history lines: documents")
                    .map(DocumentFileOpened.class, e -> s -> "Открыта папка документов заявки")
                    .map(ParticipantsFixed.class, e -> s -> e.fixed() ? "Состав участников зафиксирован"
                            : "Состав участников открыт для изменений")
                    .map(DocumentUploaded.class, e -> s -> "Загружен документ " + slot(e.slot()) + ", версия " + e.version())
                    .map(DocumentAccepted.class, e -> s -> "Документ " + slot(e.slot()) + " (версия " + e.version()
                            + ") принят")
                    .map(DocumentRejected.class, e -> s -> "Документ " + slot(e.slot()) + " (версия " + e.version()
                            + ") отклонён: " + s.field(e, "reason"))
                    .map(DocumentDownloaded.class, e -> s -> "Документ " + slot(e.slot()) + " скачан")
                    .map(ParticipantDocumentsAccepted.class, e -> s -> "Все документы участника приняты")
                    .map(ApplicationDocumentsAccepted.class, e -> s -> "Все документы заявки приняты")
                    .map(UploadsClosed.class, e -> s -> "Приём документов закрыт")
                    .build();

    private static final EventMapping<ContractEvent, Line> CONTRACTS =
            EventMapping.<ContractEvent, Line>of(ContractEvent.class, "history lines: contracts")
                    .map(ContractOpened.class, e -> s -> "Договор открыт на сумму " + e.totalAmount() + " руб.")
                    .map(ContractDraftsIssued.class, e -> s -> (e.uploaded() ? "Институт загрузил исправленный проект "
                            + "договора, версия " : "Проекты договора и согласия выпущены, версия ") + e.version())
                    .map(ContractConcluded.class, e -> s -> "Договор заключён " + e.concludedOn()
                            + (e.agreedVersion() == null ? "" : " по версии " + e.agreedVersion()))
                    .map(CourseAccessGranted.class, e -> s -> "Открыт доступ к курсу")
                    .map(InvoiceIssued.class, e -> s -> "Счёт № " + e.invoiceNumber() + " на " + e.amount() + " руб."
                            + (e.dueDate() == null ? "" : ", оплатить до " + e.dueDate()))
                    .map(PaymentRecorded.class, e -> s -> "Оплата " + e.amount() + " руб. (всего " + e.totalPaid() + ")"
                            + (e.fullyPaid() ? ", оплачено полностью" : ""))
                    .map(ServiceActIssued.class, e -> s -> "Акт № " + e.actNumber() + " выпущен"
                            + (e.originalsDueDate() == null ? "" : "; оригиналы до " + e.originalsDueDate()))
                    .map(SignedActAccepted.class, e -> s -> "Подписанный акт принят; оригиналы до " + e.originalsDueDate())
                    .map(OriginalsReceived.class, e -> s -> "Оригиналы получены " + e.receivedOn()
                            + (e.actCopies() == null ? "" : ": акт — " + e.actCopies() + " экз., договор — "
                                    + e.contractCopies() + " экз." + (e.completesTheSet() ? ", все" : ", не все")))
                    .map(TrainingResultRecorded.class, e -> s -> "Итог обучения участника: "
                            + (e.passed() ? "освоил программу" : "не освоил программу"))
                    .map(CertificateIssued.class, e -> s -> "Выдано удостоверение № " + e.registrationNumber())
                    .map(PackageShipped.class, e -> s -> "Отправлено почтой" + (e.withCertificates()
                            ? " с удостоверениями" : " без удостоверений") + ", трек-номер " + e.trackingNumber())
                    .map(ContractClosed.class, e -> s -> "Договор закрыт")
                    .map(ContractChangesRequested.class, e -> s -> "Организация просит изменить проект договора, версия "
                            + e.version())
                    .map(ContractCountersigned.class, e -> s -> "Загружен договор, подписанный обеими сторонами")
                    .map(ContractProgrammeMoved.class, e -> s -> "Сроки договора перенесены вслед за программой: "
                            + e.programmeStart() + " – " + e.programmeEnd()
                            + (e.conflict() == null ? "" : ". Внимание: " + e.conflict()))
                    .map(ContractCancelled.class, e -> s -> "Договор отменён: заявка снята до заключения")
                    .map(ContractTerminated.class, e -> s -> "Договор расторгнут с " + e.terminatedOn()
                            + "; за оказанные услуги " + e.amountOwed() + " руб.")
                    .map(ContractParticipantCorrected.class, e -> s -> "В договоре исправлены данные участника")
                    .build();

    private static final EventMapping<ThreadEvent, Line> THREADS =
            EventMapping.<ThreadEvent, Line>of(ThreadEvent.class, "history lines: threads")
                    .map(ThreadOpened.class, e -> s -> "Открыта переписка по заявке")
                    .map(ApplicantContactChanged.class, e -> s -> "Изменён контакт заявителя")
                    .map(MessagePosted.class, e -> s -> side(e.side(), "Сообщение организации", "Сообщение института")
                            + (e.attachments().isEmpty() ? "" : ", файлов: " + e.attachments().size()))
                    .map(NoticePosted.class, e -> s -> "Уведомление: " + e.kind().title())
                    // an old notice's own title is free text; its kind, when it has one, names it as well
                    .map(SystemNoticePosted.class, e -> s -> "Уведомление: " + (e.kind() != null ? e.kind().title()
                            : s.field(e, "title")))
                    .map(ThreadRead.class, e -> s -> side(e.side(), "Организация", "Институт")
                            + " прочитал(а) переписку до сообщения № " + e.upToSequence())
                    .map(NoticeMailed.class, e -> s -> "Уведомление отправлено по электронной почте")
                    .map(ThreadClosed.class, e -> s -> "Переписка закрыта: " + s.field(e, "reason"))
                    .build();
}
