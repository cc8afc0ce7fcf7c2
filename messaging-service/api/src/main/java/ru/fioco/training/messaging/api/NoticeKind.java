package ru.fioco.training.messaging.api;

/**
 * What a notice tells; reminders are notices too, posted when their moment comes. The title is the notice's
 * short name in lists and histories; its full text comes from the kind's template.
 */
public enum NoticeKind {
    APPLICATION_RECEIVED("Заявка получена"),
    APPLICATION_RETURNED("Заявка возвращена на доработку"),
    APPLICATION_TAKEN_INTO_WORK("Заявка взята в работу"),
    APPLICATION_WITHDRAWN("Заявка снята"),
    DOCUMENT_REJECTED("Документ отклонён"),
    DRAFTS_AVAILABLE("Проект договора готов"),
    CONTRACT_CONCLUDED("Договор заключён"),
    COURSE_ACCESS_GRANTED("Доступ к курсу открыт"),
    INVOICE_ISSUED("Выставлен счёт"),
    PAYMENT_RECEIVED("Оплата получена"),
    ACT_ISSUED("Акт оказания услуг"),
    ORIGINALS_DUE("Завтра истекает срок отправки оригиналов"),
    ORIGINALS_OVERDUE("Оригиналы документов не получены"),
    PACKAGE_SHIPPED("Документы отправлены"),
    COURSE_STARTS_SOON("Курс начинается через 3 рабочих дня"),
    COURSE_STARTS_TOMORROW("Курс начинается завтра"),
    REVIEW_DUE_TOMORROW("Завтра истекает срок рассмотрения заявки"),
    CONTRACT_CANCELLED("Договор отменён"),
    CONTRACT_TERMINATED("Договор расторгнут"),
    PAYMENT_DUE_TOMORROW("Завтра истекает срок оплаты счёта"),
    PAYMENT_OVERDUE("Счёт не оплачен в срок"),
    CONTRACT_CHANGES_REQUESTED("Организация просит изменить проект договора"),
    CONTRACT_COUNTERSIGNED("Договор подписан обеими сторонами"),
    PAYMENT_ORDER_UPLOADED("Загружено платёжное поручение");

    private final String title;

    NoticeKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
