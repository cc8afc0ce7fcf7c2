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

    /** Where the text of a version lies on the classpath. */
    public static String resource(String version) {
        return "agreement/personal-data-" + version + ".txt";
    }
}
