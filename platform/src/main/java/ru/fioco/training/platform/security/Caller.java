package ru.fioco.training.platform.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.jwt.JsonWebToken;

import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.NotFoundException;

/**
 * Who is calling, from the verified bearer token: subject, role, and for a representative the INN of
 * their organisation (claim {@code org}). Object-level checks go through here so that every read and
 * write of an organisation's object asks the same question the same way.
 */
@RequestScoped
public class Caller {

    /** The claim that names a representative's organisation by its INN. */
    public static final String ORGANISATION_CLAIM = "org";

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public boolean isStaff() {
        return token.getGroups().contains(Roles.STAFF);
    }

    public boolean isAuditor() {
        return token.getGroups().contains(Roles.AUDITOR);
    }

    public boolean isRepresentative() {
        return token.getGroups().contains(Roles.REPRESENTATIVE);
    }

    /** The representative's organisation INN; empty for staff and auditors. */
    public Optional<String> organisationInn() {
        return Optional.ofNullable(token.<String>getClaim(ORGANISATION_CLAIM)).filter(s -> !s.isBlank());
    }

    /** A claim of the token as text (e.g. {@code email}, {@code preferred_username}), if present. */
    public Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }

    /** The caller's role name, for audit records. */
    public String role() {
        if (isStaff()) return Roles.STAFF;
        if (isAuditor()) return Roles.AUDITOR;
        if (isRepresentative()) return Roles.REPRESENTATIVE;
        return "unknown";
    }

    /** Metadata for a command this caller sends: who acted and in which role, copied onto its events. */
    public MetaData commandMetaData() {
        return MetaData.from(Map.of(
                EventStoreSetup.ACTOR, subject(),
                EventStoreSetup.ACTOR_ROLE, role()));
    }

    /**
     * Staff and auditors see every organisation; a representative only their own. For another
     * organisation's object the answer is "not found", so that its existence does not leak.
     */
    public void requireSight(String organisationInn, String what) {
        if (isStaff() || isAuditor()) {
            return;
        }
        if (isRepresentative() && organisationInn != null && organisationInn.equals(organisationInn().orElse(null))) {
            return;
        }
        throw new NotFoundException(what + " не найден(а)");
    }

    /** Writes on an organisation's object: staff, or a representative of that organisation; never an auditor. */
    public void requireWrite(String organisationInn, String what) {
        if (isAuditor()) {
            throw new AccessDeniedException("Аудитор не может изменять данные");
        }
        requireSight(organisationInn, what);
    }
}
