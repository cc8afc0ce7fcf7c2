package ru.fioco.training.messaging.api;

import java.time.Instant;
import java.util.List;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;

/**
 * Revision 1 of a notice, when notices were prose: title and text written out in Russian. No longer published
 * (see {@link NoticePosted}); kept so that the notices stored before still read, show and replay as they were.
 *
 * @param cause     the CloudEvent id ({@code ce_id}) or the reminder id that caused it: the key of "once"
 * @param audience  who it is for; it counts as unread for them
 * @param text      may carry the enrolment key, so it is confidential
 * @param mailTo    where it is e-mailed (empty when it needs no action)
 */
public record SystemNoticePosted(String applicationId, String messageId, long sequence, NoticeKind kind,
        List<Side> audience, String title, @Confidential String text, String cause, Instant postedAt,
        @PersonalData(subject = "applicant") List<String> mailTo) implements ThreadEvent {

    public SystemNoticePosted {
        audience = List.copyOf(audience);
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
}
