package ru.fioco.training.document.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * A place for one kind of document («слот»): per participant the passport, SNILS, education document and
 * name-change document; per application the signed contract, signed consent, signed act and payment order.
 */
public enum DocumentSlot {
    PASSPORT(true, "Паспорт"),
    SNILS(true, "СНИЛС"),
    EDUCATION(true, "Документ об образовании"),
    NAME_CHANGE(true, "Документ о смене фамилии"),
    SIGNED_CONTRACT(false, "Подписанный договор"),
    SIGNED_CONSENT(false, "Подписанное согласие на обработку персональных данных"),
    SIGNED_ACT(false, "Подписанный акт оказания услуг"),
    PAYMENT_ORDER(false, "Платёжное поручение");

    private final boolean perParticipant;
    private final String title;

    DocumentSlot(boolean perParticipant, String title) {
        this.perParticipant = perParticipant;
        this.title = title;
    }

    /**
     * The scans every participant must have (passport, SNILS, education document) and, when the diploma was
     * issued under another surname, the document of the change of name.
     */
    public static Set<DocumentSlot> requiredOfParticipant(boolean nameChangeRequired) {
        return nameChangeRequired ? EnumSet.of(PASSPORT, SNILS, EDUCATION, NAME_CHANGE) : EnumSet.of(PASSPORT, SNILS, EDUCATION);
    }

    /** The slot's name as the cabinet, the notices and the history write it. */
    public String title() {
        return title;
    }

    public boolean perParticipant() {
        return perParticipant;
    }
}
