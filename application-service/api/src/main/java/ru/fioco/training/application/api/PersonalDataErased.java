package ru.fioco.training.application.api;

import java.time.Instant;

/**
 * Staff destroyed a data subject's personal data in this application (152-FZ art. 21): the key of that person is
 * destroyed, so every copy of their data, in every event store, topic, history and read model, reads «удалено»
 * from now on. The event itself names the person only by id.
 *
 * @param erasureId     the erasure's own id (its act of destruction is named after it)
 * @param subject       whose data: a participant, or the applicant (the application's contact person)
 * @param participantId the participant erased; null for the applicant
 * @param basis         why the data were destroyed
 * @param erasedBy      the staff member who did it (their account's subject)
 * @param erasedAt      when
 */
public record PersonalDataErased(String applicationId, String erasureId, ErasureSubject subject, String participantId,
        ErasureBasis basis, String erasedBy, Instant erasedAt) implements ApplicationEvent {

    /** The name of the destroyed key in the key vault: {@code participant:<id>} or {@code applicant:<application id>}. */
    public String keyName() {
        return subject == ErasureSubject.PARTICIPANT ? "participant:" + participantId : "applicant:" + applicationId;
    }

    /** Whose data are destroyed. */
    public enum ErasureSubject {
        PARTICIPANT("участник"),
        APPLICANT("контактное лицо заявителя");

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
