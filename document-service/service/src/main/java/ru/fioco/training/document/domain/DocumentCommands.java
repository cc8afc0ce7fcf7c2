package ru.fioco.training.document.domain;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.platform.files.StoredFile;

/** The commands of an application's document file. */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** Who acts: staff, or a representative of the organisation with this INN. */
    public record Acting(String subject, String role, String organisationInn) {

        boolean isStaff() {
            return "staff".equals(role);
        }

        boolean represents(String inn) {
            return "representative".equals(role) && inn != null && inn.equals(organisationInn);
        }
    }

    /** A drafted application gets its document file (from application-service's events). */
    public record OpenDocumentFile(String applicationId, String organisationInn, List<ParticipantSlots> participants) {
    }

    /** The participants changed or were fixed at submission (from application-service's events). */
    public record UpdateParticipants(@TargetAggregateIdentifier String applicationId, List<ParticipantSlots> participants,
            boolean fixed) {
    }

    /** The application was returned for correction: its participants may change again. */
    public record ReopenParticipants(@TargetAggregateIdentifier String applicationId) {
    }

    /** The application was withdrawn (from application-service's events). */
    public record CloseUploads(@TargetAggregateIdentifier String applicationId, String reason) {
    }

    /** A new version of a document, already stored; {@code participantId} is null for the application's own slots. */
    public record UploadDocument(@TargetAggregateIdentifier String applicationId, String participantId, DocumentSlot slot,
            StoredFile file, Acting acting) {
    }

    /** Staff accept or reject a slot's current version. */
    public record ReviewDocument(@TargetAggregateIdentifier String applicationId, String participantId, DocumentSlot slot,
            int version, boolean accepted, String reason, Acting acting) {
    }

    /**
     * Someone downloads a stored version by its id: recorded for the audit of access to personal documents; the
     * answer is the file's metadata, so the download needs no read model (a file is downloadable the moment its
     * upload is answered).
     */
    public record RecordDownload(@TargetAggregateIdentifier String applicationId, String documentId, Acting acting) {
    }

    /** What a recorded download serves: the file, and whose it is (null for the application's own documents). */
    public record Downloaded(StoredFile file, String participantId) {
    }

    /** A participant's data was corrected after submission: the slots follow the new name (from application-service). */
    public record CorrectParticipant(@TargetAggregateIdentifier String applicationId, ParticipantSlots participant) {
    }

    /** The contract is concluded: the participants' documents no longer change (from application-service). */
    public record LockParticipants(@TargetAggregateIdentifier String applicationId) {
    }
}
