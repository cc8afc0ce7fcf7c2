package ru.fioco.training.messaging.api;

/**
 * The topic messaging-service will publish on (thread opened, message posted, read marks). Its
 * events arrive with the Messaging work; until then this module only names the topic.
 */
public final class MessagingTopic {

    public static final String TOPIC = "messages";
    public static final String TYPE_PREFIX = "ru.fioco.training.messages";

    private MessagingTopic() {
    }
}
