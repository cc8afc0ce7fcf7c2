package ru.fioco.training.messaging.api;

/**
 * Every event messaging-service publishes on the {@value #TOPIC} topic, keyed by application id; the wire
 * name is {@value #TYPE_PREFIX}{@code .<RecordName>}. One thread («вопросы/ответы») per application.
 */
public sealed interface ThreadEvent permits ThreadOpened, ApplicantContactChanged, MessagePosted, SystemNoticePosted,
        NoticePosted, ThreadRead, NoticeMailed, ThreadClosed {

    String TOPIC = "messages";
    String TYPE_PREFIX = "ru.fioco.training.messages";

    String applicationId();
}
