package ru.fioco.training.application.policy;

/**
 * The identity provider's side of a representation: what the tokens it issues say of a person's organisation.
 * The services trust the claim {@code org}; only a link the institute confirmed puts it there.
 */
public interface IdentityDirectory {

    /** Tokens issued to the person from now on carry {@code organisationInn}. */
    void linkOrganisation(String subject, String organisationInn);

    /**
     * Tokens issued to the person from now on carry no organisation; with {@code endSessions} their sessions end too,
     * so that no refresh brings an old claim back.
     */
    void unlinkOrganisation(String subject, boolean endSessions);

    /**
     * The person's account is deleted with everything the provider keeps of them (name, e-mail, sessions); an account
     * already gone is fine.
     */
    void forget(String subject);
}
