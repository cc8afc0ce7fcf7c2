package ru.fioco.training.messaging.api;

import java.time.Instant;
import java.util.List;

/**
 * A notice the platform posts into the thread, in Russian, caused by another service's event or by a
 * reminder coming due; posted once per cause.
 *
 * @param cause     the CloudEvent id ({@code ce_id}) or the reminder id that caused it: the key of "once"
 * @param audience  who it is for; it counts as unread for them
 * @param text      may carry the enrolment key, so it is confidential
 * @param mailTo    where it is e-mailed (empty when it needs no action)
 */
public record SystemNoticePosted(String applicationId, String messageId, long sequence, NoticeKind kind,
        List<Side> audience, String title, @Confidential String text, String cause, Instant postedAt,
        @PersonalData List<String> mailTo) implements ThreadEvent {

    public SystemNoticePosted {
        audience = List.copyOf(audience);
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
}
