package ru.fioco.training.contract.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.contract.api.ContractTerms;

/** The commands of a contract. */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** The application was taken into work: open its contract and issue the first drafts. */
    public record OpenContract(String applicationId, ContractTerms terms) {
    }

    /** A participant's data was corrected (from application-service): the contract names them anew. */
    public record CorrectParticipant(@TargetAggregateIdentifier String applicationId, String participantId,
            String fullName) {
    }

    /** Staff issue a revised draft (a new version; the earlier ones are kept). */
    public record ReviseDrafts(@TargetAggregateIdentifier String applicationId, String note) {
    }

    /** Staff upload an edited DOCX (already stored and checked) as the next draft version. */
    public record UploadDraft(@TargetAggregateIdentifier String applicationId, String contractDocumentId, String note) {
    }

    /** The organisation asks for changes to a draft version. */
    public record RequestChanges(@TargetAggregateIdentifier String applicationId, Integer version, String comment) {
    }

    /** Staff upload the scan of the contract signed by both sides (already stored and checked). */
    public record Countersign(@TargetAggregateIdentifier String applicationId, String documentId, String fileName) {
    }

    /** The programme's dates changed (from application-service): the contract's deadlines follow them. */
    public record MoveProgramme(@TargetAggregateIdentifier String applicationId, LocalDate start, LocalDate end) {
    }

    /** Staff conclude the contract. */
    public record Conclude(@TargetAggregateIdentifier String applicationId) {
    }

    /** Staff record a payment order. */
    public record RecordPayment(@TargetAggregateIdentifier String applicationId, String paymentOrderNumber,
            LocalDate paidOn, BigDecimal amount) {
    }

    /** Staff issue the act of services after the programme ended. */
    public record IssueAct(@TargetAggregateIdentifier String applicationId) {
    }

    /** document-service accepted the signed act's scan: the originals become due. */
    public record AcceptSignedAct(@TargetAggregateIdentifier String applicationId) {
    }

    /**
     * Staff received paper originals: copies of the act and of the contract in this envelope (both null: the whole
     * set), and the school's tracking number if known.
     */
    public record RecordOriginals(@TargetAggregateIdentifier String applicationId, LocalDate receivedOn,
            Integer actCopies, Integer contractCopies, String trackingNumber) {
    }

    /** The application was withdrawn (from application-service): a contract not yet concluded is cancelled. */
    public record CancelContract(@TargetAggregateIdentifier String applicationId, String reason) {
    }

    /** Staff terminate a concluded contract («расторжение»), saying what is owed for the services already given. */
    public record TerminateContract(@TargetAggregateIdentifier String applicationId, LocalDate terminatedOn,
            String reason, BigDecimal amountOwed) {
    }

    /** Staff record the results of several participants at once (one entry, or a whole CSV: all or nothing). */
    public record RecordResults(@TargetAggregateIdentifier String applicationId, Map<String, Boolean> passedByParticipant) {
    }

    /**
     * Staff issue the certificates of everyone who passed (only once paid); on printed blanks, the blanks' series and
     * the first blank's number (the next ones follow in the participants' order), else both null.
     */
    public record IssueCertificates(@TargetAggregateIdentifier String applicationId, String blankSeries,
            Long firstBlankNumber) {

        public IssueCertificates(String applicationId) {
            this(applicationId, null, null);
        }
    }

    /** Staff send the originals by post. */
    public record Ship(@TargetAggregateIdentifier String applicationId, String trackingNumber) {
    }
}
