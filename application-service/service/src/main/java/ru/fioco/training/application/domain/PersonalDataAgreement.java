package ru.fioco.training.application.domain;

/**
 * The agreement on personal-data processing a representative accepts when registering («Соглашение об обработке
 * персональных данных», Рис. 1а). Its text is {@code agreement/personal-data-<version>.txt}; a new text is a new
 * version, and a registration names the version the person read.
 */
public final class PersonalDataAgreement {

    public static final String CURRENT_VERSION = "2026-12-01";

    private PersonalDataAgreement() {
    }

    /**
     * The version of the participant's consent («согласие на обработку персональных данных») a representative confirms
     * for each participant when submitting: {@code agreement/participant-consent-<version>.txt}.
     */
    public static final String PARTICIPANT_CONSENT_VERSION = "2026-12-01";

    /** 152-FZ art. 21 part 5: after a consent is withdrawn the data are destroyed within 30 days of its receipt. */
    public static final int DAYS_TO_ERASE_AFTER_WITHDRAWAL = 30;

    /** Where the text of a version lies on the classpath. */
    public static String resource(String version) {
        return "agreement/personal-data-" + version + ".txt";
    }

    /** Where the text of a version of the participant's consent lies on the classpath. */
    public static String participantConsent(String version) {
        return "agreement/participant-consent-" + version + ".txt";
    }
}
