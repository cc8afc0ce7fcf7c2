package ru.fioco.training.application.api;

import java.time.Instant;

/**
 * Staff destroyed a data subject's personal data in this application (152-FZ art. 21): the key of that person is
 * destroyed, so every copy of their data, in every event store, topic, history and read model, reads «удалено»
 * from now on. The event itself names the person only by id.
 *
 * @param erasureId     the erasure's own id (its act of destruction is named after it)
 * @param subject       whose data: a participant, the applicant (the application's contact person), the
 *                      organisation's signatory, or the application's own files and free texts
 * @param participantId the participant erased; null for the applicant
 * @param basis         why the data were destroyed
 * @param erasedBy      the staff member who did it (their account's subject)
 * @param erasedAt      when
 */
public record PersonalDataErased(String applicationId, String erasureId, ErasureSubject subject, String participantId,
        ErasureBasis basis, String erasedBy, Instant erasedAt) implements ApplicationEvent {

    /** The name of the destroyed key in the key vault: {@code participant:<id>}, {@code applicant:<application id>}... */
    public String keyName() {
        return subject.keyName(applicationId, participantId);
    }

    /** Whose data are destroyed. */
    public enum ErasureSubject {
        PARTICIPANT("участник"),
        APPLICANT("контактное лицо заявителя"),
        /** Who signs the contract for the organisation. */
        SIGNATORY("подписант договора от организации"),
        /** The application's own files and free texts (scans of signed papers, reasons, notes, the thread's files). */
        APPLICATION("файлы и свободные тексты заявки");

        /** The key of this subject in an application; a participant's by their id. */
        public String keyName(String applicationId, String participantId) {
            return switch (this) {
                case PARTICIPANT -> "participant:" + participantId;
                case APPLICANT -> "applicant:" + applicationId;
                case SIGNATORY -> "signatory:" + applicationId;
                case APPLICATION -> "application:" + applicationId;
            };
        }

        private final String title;

        ErasureSubject(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The legal ground of the destruction (152-FZ art. 21 parts 4 and 5; retention periods by law). */
    public enum ErasureBasis {
        CONSENT_WITHDRAWN("отзыв субъектом согласия на обработку персональных данных"),
        PURPOSE_ACHIEVED("достижение цели обработки персональных данных"),
        RETENTION_EXPIRED("истечение срока хранения персональных данных");

        private final String title;

        ErasureBasis(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
