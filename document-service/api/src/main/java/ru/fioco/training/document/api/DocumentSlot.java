package ru.fioco.training.document.api;

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

    /** The slot's name as the cabinet, the notices and the history write it. */
    public String title() {
        return title;
    }

    public boolean perParticipant() {
        return perParticipant;
    }
}
