package ru.fioco.training.application.query.history;

import java.util.Set;

/**
 * The text fields of the platform's events an auditor may read (152-FZ: an auditor follows the procedure, not the
 * people). Text is personal data until proven otherwise: a text field not named here (a reason, a note, a comment, a
 * file's name, a position, a login) is hidden from auditors, whatever its marks, and a new event's new text field is
 * hidden until someone decides it may be shown and adds it here. What is not text (statuses, dates of the procedure,
 * amounts, counts, flags) is shown unless marked personal or confidential. Names of people are never listed: marked
 * {@code @PersonalData}, they show as initials.
 *
 * <p>An entry is a field's name in every event ({@code applicationId}) or in one record ({@code Organisation.fullName}).
 */
final class AuditorAllowList {

    /** Ids, numbers and codes of the procedure, the organisation (a legal entity, not a person), the programme. */
    static final Set<String> TEXT = Set.of(
            // ids and numbers
            "applicationId", "participantId", "organisationInn", "programmeId", "representativeId", "documentId",
            "messageId", "attachmentId", "erasureId", "contractDocumentId", "consentDocumentId", "applicationNumber",
            "number", "invoiceNumber", "actNumber", "registrationNumber", "paymentOrderNumber", "trackingNumber",
            "sha256", "contentType", "consentVersion", "agreementVersion",
            // what the procedure is about
            "slot", "paymentTerms", "region", "subject", "subjects", "changedFields", "withdrawnByRole",
            "downloadedByRole", "programmeTitle", "lmsCourseUrl", "courseUrl", "ProgrammePublished.title",
            "ProgrammeChanged.title",
            // the organisation's requisites
            "organisationFullName", "organisationName", "inn", "kpp", "bik", "ogrn", "settlementAccount",
            "correspondentAccount", "bankName", "legalAddress", "postalAddress", "signatoryPosition",
            "Organisation.fullName", "Organisation.shortName");

    private AuditorAllowList() {
    }

    /** Whether an auditor may read the text field {@code field} of the record {@code record}. */
    static boolean allows(Class<?> record, String field) {
        return TEXT.contains(field) || TEXT.contains(record.getSimpleName() + "." + field);
    }
}
