package ru.fioco.training.application.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.application.api.ApplicationForm;

/** The commands of the application's lifecycle; each names who acts, so the aggregate checks it on every write. */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /** Who acts: staff, or a representative of the organisation with this INN. */
    public record Acting(String role, String organisationInn) {

        public static Acting staff() {
            return new Acting("staff", null);
        }

        public static Acting representative(String organisationInn) {
            return new Acting("representative", organisationInn);
        }

        boolean isStaff() {
            return "staff".equals(role);
        }

        boolean represents(String inn) {
            return "representative".equals(role) && inn != null && inn.equals(organisationInn);
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
}
