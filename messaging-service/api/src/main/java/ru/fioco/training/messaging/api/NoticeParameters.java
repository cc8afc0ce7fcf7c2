package ru.fioco.training.messaging.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;

/**
 * What a notice says, as data: its Russian text is rendered from the template of its {@link NoticeKind}, the
 * same for the thread and the mail. A kind uses the fields it needs; the others are empty. Free text and names
 * are personal data; the enrolment key is confidential, rendered only for the organisation and staff.
 *
 * @param date                the date the notice is about (review or originals due, conclusion, course start,
 *                            invoice or act issued, payment)
 * @param provisionalCalendar that date was counted on a provisional production calendar
 * @param documentNumber      the invoice's or the act's number
 * @param slot                the document slot's name ({@code PASSPORT}, ...) of a rejected document
 * @param participantName     whose document it is, as «Фамилия И. О.»
 * @param version             the document's or the contract draft's version
 * @param reason              why staff returned, rejected or withdrew; the organisation's withdrawal reason
 * @param actingSide          who withdrew the application
 * @param note                the staff's comment on revised drafts
 * @param dueDate             the invoice's due date (null in notices posted before invoices had one)
 * @param participantId       whose document it is (names the key of {@code participantName}; null in notices posted
 *                            before it was kept, whose names are under the application's key)
 */
public record NoticeParameters(String applicationNumber, String programmeTitle, LocalDate date,
        boolean provisionalCalendar, String documentNumber, BigDecimal amount, BigDecimal totalPaid, boolean fullyPaid,
        String paymentOrderNumber, String slot, @PersonalData(subject = "participantId") String participantName,
        Integer version,
        @PersonalData String reason, Side actingSide, @PersonalData String note, String courseUrl,
        @PersonalData(subject = "tutor") String tutorName,
        @PersonalData(subject = "tutor") String tutorEmail, String instructions,
        @Confidential String enrolmentKey, String trackingNumber, boolean withCertificates, LocalDate dueDate,
        String participantId) {

    public static Builder builder() {
        return new Builder();
    }

    /** Sets only what a kind needs; the rest stays empty. */
    public static final class Builder {
        private String applicationNumber;
        private String programmeTitle;
        private LocalDate date;
        private boolean provisionalCalendar;
        private String documentNumber;
        private BigDecimal amount;
        private BigDecimal totalPaid;
        private boolean fullyPaid;
        private String paymentOrderNumber;
        private String slot;
        private String participantName;
        private String participantId;
        private Integer version;
        private String reason;
        private Side actingSide;
        private String note;
        private String courseUrl;
        private String tutorName;
        private String tutorEmail;
        private String instructions;
        private String enrolmentKey;
        private String trackingNumber;
        private boolean withCertificates;
        private LocalDate dueDate;

        private Builder() {
        }

        public Builder applicationNumber(String value) {
            applicationNumber = value;
            return this;
        }

        public Builder programmeTitle(String value) {
            programmeTitle = value;
            return this;
        }

        public Builder date(LocalDate value, boolean provisional) {
            date = value;
            provisionalCalendar = provisional;
            return this;
        }

        public Builder date(LocalDate value) {
            return date(value, false);
        }

        public Builder documentNumber(String value) {
            documentNumber = value;
            return this;
        }

        public Builder payment(BigDecimal paid, BigDecimal total, boolean full, String orderNumber) {
            amount = paid;
            totalPaid = total;
            fullyPaid = full;
            paymentOrderNumber = orderNumber;
            return this;
        }

        public Builder amount(BigDecimal value) {
            amount = value;
            return this;
        }

        public Builder document(String slotName, String whoseId, String participant, Integer documentVersion) {
            slot = slotName;
            participantId = whoseId;
            participantName = participant;
            version = documentVersion;
            return this;
        }

        public Builder version(Integer value) {
            version = value;
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder actingSide(Side value) {
            actingSide = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        public Builder access(String course, String key, String tutor, String tutorAddress, String steps) {
            courseUrl = course;
            enrolmentKey = key;
            tutorName = tutor;
            tutorEmail = tutorAddress;
            instructions = steps;
            return this;
        }

        public Builder shipment(String tracking, boolean certificates) {
            trackingNumber = tracking;
            withCertificates = certificates;
            return this;
        }

        public Builder dueDate(LocalDate value) {
            dueDate = value;
            return this;
        }

        public NoticeParameters build() {
            return new NoticeParameters(applicationNumber, programmeTitle, date, provisionalCalendar, documentNumber,
                    amount, totalPaid, fullyPaid, paymentOrderNumber, slot, participantName, version, reason,
                    actingSide, note, courseUrl, tutorName, tutorEmail, instructions, enrolmentKey, trackingNumber,
                    withCertificates, dueDate, participantId);
        }
    }
}
