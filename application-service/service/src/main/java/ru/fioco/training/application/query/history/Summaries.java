package ru.fioco.training.application.query.history;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One readable Russian line per event, made only of what no one needs to hide (numbers, dates, statuses,
 * amounts, document kinds), so that it reads the same for staff and auditors.
 */
final class Summaries {

    private static final Map<String, Function<JsonNode, String>> LINES = Map.ofEntries(
            Map.entry("ApplicationDrafted", p -> "Черновик заявки создан"),
            Map.entry("ApplicationChanged", p -> "Черновик заявки изменён"),
            Map.entry("ApplicationSubmitted", p -> "Заявка № " + t(p, "number") + " отправлена; рассмотреть до "
                    + t(p, "reviewDueDate")),
            Map.entry("ApplicationReturned", p -> "Заявка возвращена на доработку: " + t(p, "reason")),
            Map.entry("ApplicationTakenIntoWork", p -> "Заявка взята в работу (" + t(p, "participantCount")
                    + " уч., " + ("POSTPAYMENT".equals(t(p, "paymentTerms")) ? "постоплата" : "предоплата") + ")"),
            Map.entry("ApplicationWithdrawn", p -> "Заявка снята: " + t(p, "reason")),
            Map.entry("ApplicationCompleted", p -> "Заявка выполнена"),
            Map.entry("DocumentFileOpened", p -> "Открыта папка документов заявки"),
            Map.entry("ParticipantsFixed", p -> p.path("fixed").asBoolean() ? "Состав участников зафиксирован"
                    : "Состав участников открыт для изменений"),
            Map.entry("DocumentUploaded", p -> "Загружен документ " + slot(p) + ", версия " + t(p, "version")),
            Map.entry("DocumentAccepted", p -> "Документ " + slot(p) + " (версия " + t(p, "version") + ") принят"),
            Map.entry("DocumentRejected", p -> "Документ " + slot(p) + " (версия " + t(p, "version") + ") отклонён: "
                    + t(p, "reason")),
            Map.entry("DocumentDownloaded", p -> "Документ " + slot(p) + " скачан"),
            Map.entry("ParticipantDocumentsAccepted", p -> "Все документы участника приняты"),
            Map.entry("ApplicationDocumentsAccepted", p -> "Все документы заявки приняты"),
            Map.entry("UploadsClosed", p -> "Приём документов закрыт"),
            Map.entry("ContractOpened", p -> "Договор открыт на сумму " + t(p, "totalAmount") + " руб."),
            Map.entry("ContractDraftsIssued", p -> "Проекты договора и согласия выпущены, версия " + t(p, "version")),
            Map.entry("ContractConcluded", p -> "Договор заключён " + t(p, "concludedOn")),
            Map.entry("CourseAccessGranted", p -> "Открыт доступ к курсу"),
            Map.entry("InvoiceIssued", p -> "Счёт № " + t(p, "invoiceNumber") + " на " + t(p, "amount") + " руб."),
            Map.entry("PaymentRecorded", p -> "Оплата " + t(p, "amount") + " руб. (всего " + t(p, "totalPaid") + ")"
                    + (p.path("fullyPaid").asBoolean() ? ", оплачено полностью" : "")),
            Map.entry("ServiceActIssued", p -> "Акт № " + t(p, "actNumber") + " выпущен"),
            Map.entry("SignedActAccepted", p -> "Подписанный акт принят; оригиналы до " + t(p, "originalsDueDate")),
            Map.entry("OriginalsReceived", p -> "Оригиналы получены " + t(p, "receivedOn")),
            Map.entry("TrainingResultRecorded", p -> "Итог обучения участника: "
                    + (p.path("passed").asBoolean() ? "освоил программу" : "не освоил программу")),
            Map.entry("CertificateIssued", p -> "Выдано удостоверение № " + t(p, "registrationNumber")),
            Map.entry("PackageShipped", p -> "Отправлено почтой" + (p.path("withCertificates").asBoolean()
                    ? " с удостоверениями" : " без удостоверений") + ", трек-номер " + t(p, "trackingNumber")),
            Map.entry("ContractClosed", p -> "Договор закрыт"),
            Map.entry("ThreadOpened", p -> "Открыта переписка по заявке"),
            Map.entry("ApplicantContactChanged", p -> "Изменён контакт заявителя"),
            Map.entry("MessagePosted", p -> ("ORGANISATION".equals(t(p, "side")) ? "Сообщение организации"
                    : "Сообщение института") + (p.path("attachments").size() > 0
                    ? ", файлов: " + p.path("attachments").size() : "")),
            Map.entry("SystemNoticePosted", p -> "Уведомление: " + t(p, "title")),
            Map.entry("ThreadRead", p -> ("ORGANISATION".equals(t(p, "side")) ? "Организация" : "Институт")
                    + " прочитал(а) переписку до сообщения № " + t(p, "upToSequence")),
            Map.entry("NoticeMailed", p -> "Уведомление отправлено по электронной почте"),
            Map.entry("ThreadClosed", p -> "Переписка закрыта: " + t(p, "reason")));

    private Summaries() {
    }

    static String of(String shortType, JsonNode payload) {
        Function<JsonNode, String> line = LINES.get(shortType);
        return line == null ? shortType : line.apply(payload);
    }

    private static String t(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isMissingNode() || v.isNull() ? "—" : v.asText();
    }

    private static String slot(JsonNode p) {
        return switch (t(p, "slot")) {
            case "PASSPORT" -> "«паспорт»";
            case "SNILS" -> "«СНИЛС»";
            case "EDUCATION" -> "«документ об образовании»";
            case "NAME_CHANGE" -> "«смена фамилии»";
            case "SIGNED_CONTRACT" -> "«подписанный договор»";
            case "SIGNED_CONSENT" -> "«подписанное согласие»";
            case "SIGNED_ACT" -> "«подписанный акт»";
            case "PAYMENT_ORDER" -> "«платёжное поручение»";
            default -> t(p, "slot");
        };
    }
}
