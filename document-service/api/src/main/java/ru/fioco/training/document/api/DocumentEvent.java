package ru.fioco.training.document.api;

/**
 * Every event document-service publishes on the {@value #TOPIC} topic, keyed by application id. Events
 * carry only metadata of files (never their bytes); the wire name is {@value #TYPE_PREFIX}{@code .<RecordName>}.
 */
public sealed interface DocumentEvent permits DocumentFileOpened, ParticipantsFixed, DocumentUploaded,
        DocumentAccepted, DocumentRejected, DocumentDownloaded, ParticipantDocumentsAccepted,
        ApplicationDocumentsAccepted, UploadsClosed {

    String TOPIC = "documents";
    String TYPE_PREFIX = "ru.fioco.training.documents";

    String applicationId();
}
