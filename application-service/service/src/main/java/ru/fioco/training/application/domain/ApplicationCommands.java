package ru.fioco.training.application.domain;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.PersonalDataErased;

/** The commands of the application's lifecycle; each names who acts, so the aggregate checks it on every write. */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /**
     * Who acts: staff, or a representative of the organisation with this INN. A representative whose link to the
     * organisation the institute has not confirmed yet ({@code confirmed} false) may draft for it and change their
     * own draft ({@code subject}: who they are), nothing more.
     */
    public record Acting(String role, String organisationInn, String subject, boolean confirmed) {

        public static Acting staff() {
            return new Acting("staff", null, null, true);
        }

        public static Acting representative(String organisationInn) {
            return new Acting("representative", organisationInn, null, true);
        }

        /** A confirmed representative, named (the drafter of what they draft). */
        public static Acting representative(String organisationInn, String subject) {
            return new Acting("representative", organisationInn, subject, true);
        }

        /** A registered representative of {@code organisationInn} whose link awaits the institute's confirmation. */
        public static Acting unconfirmed(String organisationInn, String subject) {
            return new Acting("representative", organisationInn, subject, false);
        }

        boolean isStaff() {
            return "staff".equals(role);
        }

        boolean represents(String inn) {
            return "representative".equals(role) && confirmed && inn != null && inn.equals(organisationInn);
        }

        /** Its own draft, for an unconfirmed representative: same organisation, and they drafted it. */
        boolean drafted(String inn, String drafter) {
            return "representative".equals(role) && !confirmed && inn != null && inn.equals(organisationInn)
                    && subject != null && subject.equals(drafter);
        }
    }

    /** A representative saves a new draft for their organisation. */
    public record DraftApplication(String applicationId, Acting acting, ApplicationForm form) {
    }

    /** A representative changes their draft (also a returned one). */
    public record ChangeDraft(@TargetAggregateIdentifier String applicationId, Acting acting, ApplicationForm form) {
    }

    /** A representative submits the draft to the institute. */
    public record SubmitApplication(@TargetAggregateIdentifier String applicationId, Acting acting) {
    }

    /** Staff return a submitted application for correction. */
    public record ReturnForCorrection(@TargetAggregateIdentifier String applicationId, Acting acting, String reason) {
    }

    /** Staff take a submitted application into work. */
    public record TakeIntoWork(@TargetAggregateIdentifier String applicationId, Acting acting) {
    }

    /** The representative or staff withdraw an open application. */
    /** The contract was terminated (from contract-service): the application ends, withdrawn by the institute. */
    public record EndWithTerminatedContract(@TargetAggregateIdentifier String applicationId, String reason) {
    }

    public record WithdrawApplication(@TargetAggregateIdentifier String applicationId, Acting acting, String reason) {
    }

    /** The contract is closed: the application is completed (sent by the policy reacting to contract-service). */
    public record CompleteApplication(@TargetAggregateIdentifier String applicationId) {
    }

    /**
     * After submission and before the contract is concluded, a representative corrects one participant's data;
     * the participant stays the same person on the same subject.
     */
    public record CorrectParticipant(@TargetAggregateIdentifier String applicationId, String participantId,
            Acting acting, ApplicationForm.Participant data) {
    }

    /** The contract is concluded: the participants no longer change (sent by the policy reacting to contract-service). */
    public record LockParticipants(@TargetAggregateIdentifier String applicationId) {
    }

    /**
     * Staff record that a participant withdrew their consent: the day the withdrawal reached the institute; the data
     * are then to be destroyed within 30 days.
     */
    public record WithdrawConsent(@TargetAggregateIdentifier String applicationId, String participantId,
            LocalDate receivedOn, Acting acting, String recordedBy) {
    }

    /** Staff destroy a person's data in an ended application (a consent withdrawn, the purpose reached, time over). */
    public record ErasePersonalData(@TargetAggregateIdentifier String applicationId, String erasureId, Acting acting,
            String erasedBy, PersonalDataErased.ErasureSubject subject, String participantId,
            PersonalDataErased.ErasureBasis basis) {
    }
}
