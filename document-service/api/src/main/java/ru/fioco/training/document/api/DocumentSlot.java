package ru.fioco.training.document.api;

/**
 * A place for one kind of document («слот»): per participant the passport, SNILS, education document and
 * name-change document; per application the signed contract, signed consent, signed act and payment order.
 */
public enum DocumentSlot {
    PASSPORT(true),
    SNILS(true),
    EDUCATION(true),
    NAME_CHANGE(true),
    SIGNED_CONTRACT(false),
    SIGNED_CONSENT(false),
    SIGNED_ACT(false),
    PAYMENT_ORDER(false);

    private final boolean perParticipant;

    DocumentSlot(boolean perParticipant) {
        this.perParticipant = perParticipant;
    }

    public boolean perParticipant() {
        return perParticipant;
    }
}
