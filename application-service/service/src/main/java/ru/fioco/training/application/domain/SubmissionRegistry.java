package ru.fioco.training.application.domain;

/**
 * What an application cannot know alone: the next number of the sequence, and whether its
 * organisation already has an application for the programme. Backed by unique keys in the store, so
 * both hold under concurrent submissions.
 */
public interface SubmissionRegistry {

    /** The next number {@code 000-NNNNNN}: unique and increasing (a failed submission leaves a gap). */
    String nextNumber();

    /**
     * Reserves the pair (organisation, programme) for this application.
     *
     * @throws DuplicateApplicationException if another open application of the organisation holds it
     */
    void claim(String organisationInn, String programmeId, String applicationId, String number);

    /** Frees the pair when the application is withdrawn (or its submission failed). */
    void release(String organisationInn, String programmeId, String applicationId);

    /** Thrown by {@link #claim}; carries the holder's number so the refusal can name it. */
    class DuplicateApplicationException extends RuntimeException {

        private final String existingNumber;
        private final String existingApplicationId;

        public DuplicateApplicationException(String existingApplicationId, String existingNumber) {
            super("already claimed by " + existingApplicationId);
            this.existingApplicationId = existingApplicationId;
            this.existingNumber = existingNumber;
        }

        public String existingNumber() {
            return existingNumber;
        }

        public String existingApplicationId() {
            return existingApplicationId;
        }
    }
}
