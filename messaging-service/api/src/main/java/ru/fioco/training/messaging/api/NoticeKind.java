package ru.fioco.training.messaging.api;

/** What a system notice tells; reminders are notices too, posted when their moment comes. */
public enum NoticeKind {
    APPLICATION_RECEIVED,
    APPLICATION_RETURNED,
    APPLICATION_TAKEN_INTO_WORK,
    APPLICATION_WITHDRAWN,
    DOCUMENT_REJECTED,
    DRAFTS_AVAILABLE,
    CONTRACT_CONCLUDED,
    COURSE_ACCESS_GRANTED,
    INVOICE_ISSUED,
    PAYMENT_RECEIVED,
    ACT_ISSUED,
    ORIGINALS_DUE,
    ORIGINALS_OVERDUE,
    PACKAGE_SHIPPED,
    COURSE_STARTS_SOON,
    COURSE_STARTS_TOMORROW,
    REVIEW_DUE_TOMORROW
}
