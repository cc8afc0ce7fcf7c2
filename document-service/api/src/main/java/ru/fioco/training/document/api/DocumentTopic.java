package ru.fioco.training.document.api;

/**
 * The topic document-service will publish on. Its events (document uploaded, accepted, rejected, all
 * documents of a participant / application accepted) arrive with the Documents work; until then this
 * module only names the topic.
 */
public final class DocumentTopic {

    public static final String TOPIC = "documents";
    public static final String TYPE_PREFIX = "ru.fioco.training.documents";

    private DocumentTopic() {
    }
}
