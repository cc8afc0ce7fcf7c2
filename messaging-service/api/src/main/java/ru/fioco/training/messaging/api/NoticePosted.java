package ru.fioco.training.messaging.api;

import java.time.Instant;
import java.util.List;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A notice the platform posts into the thread, caused by another service's event or by a reminder coming due;
 * posted once per cause. It is data: a kind and its parameters, rendered in Russian from the kind's template
 * for whoever reads it (the enrolment key only for the organisation and staff).
 *
 * @param cause     the CloudEvent id ({@code ce_id}) or the reminder id that caused it: the key of "once"
 * @param audience  who it is for; it counts as unread for them
 * @param mailTo    where it is e-mailed (empty when it needs no action)
 */
public record NoticePosted(String applicationId, String messageId, long sequence, NoticeKind kind,
        List<Side> audience, NoticeParameters parameters, String cause, Instant postedAt,
        @PersonalData(subject = "applicant") List<String> mailTo) implements ThreadEvent {

    public NoticePosted {
        audience = List.copyOf(audience);
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
}
