package ru.fioco.training.platform.security;

/** The platform's roles, as they appear in a token's {@code groups} claim. */
public final class Roles {

    /** An organisation's representative: sees and acts on their own organisation's objects only. */
    public static final String REPRESENTATIVE = "representative";
    /** Institute staff: review applications and documents, run contracts. */
    public static final String STAFF = "staff";
    /** Read-only; replays histories with personal data masked. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
