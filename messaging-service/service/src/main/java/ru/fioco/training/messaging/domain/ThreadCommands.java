package ru.fioco.training.messaging.domain;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;

/** The commands of an application's thread. */
public final class ThreadCommands {

    private ThreadCommands() {
    }

    /** Who acts: staff, or a representative of the organisation with this INN. */
    public record Acting(String subject, String role, String organisationInn) {

        boolean isStaff() {
            return "staff".equals(role);
        }

        boolean represents(String inn) {
            return "representative".equals(role) && inn != null && inn.equals(organisationInn);
        }

        /** The side a person writes for. */
        public Side side() {
            return isStaff() ? Side.INSTITUTE : Side.ORGANISATION;
        }
    }

    /** Opens the thread at the first submission; a resubmission only updates the applicant's contact. */
    public record OpenThread(@TargetAggregateIdentifier String applicationId, String applicationNumber,
            String organisationInn, String organisationName, String programmeId, String applicantName,
            String applicantEmail) {
    }

    /** @return the message's sequence in the thread */
    public record PostMessage(@TargetAggregateIdentifier String applicationId, String messageId, Acting acting,
            String text, List<MessagePosted.Attachment> attachments, Instant postedAt) {
    }

    /**
     * Posts a notice once per {@code cause}; returns its sequence, or null if this cause already posted one.
     *
     * @param mail          whether the notice needs action and is e-mailed to its audience
     * @param staffMailbox  the institute's address for notices to staff
     */
    public record PostNotice(@TargetAggregateIdentifier String applicationId, String messageId, NoticeKind kind,
            List<Side> audience, NoticeParameters parameters, String cause, Instant postedAt, boolean mail,
            String staffMailbox) {
    }

    /** {@code upToSequence} null: everything posted so far. */
    public record MarkRead(@TargetAggregateIdentifier String applicationId, Acting acting, Long upToSequence,
            Instant readAt) {
    }

    public record CloseThread(@TargetAggregateIdentifier String applicationId, String reason) {
    }

    public record RecordNoticeMailed(@TargetAggregateIdentifier String applicationId, String messageId, String to,
            Instant sentAt) {
    }
}
