package ru.fioco.training.application.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import ru.fioco.training.application.api.RepresentativeStatus;
import ru.fioco.training.application.domain.ApplicationCommands.Acting;
import ru.fioco.training.application.query.RepresentativeRegistry;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;

/**
 * Which organisation the caller acts for in application-service, from the token and this service's own record of
 * representatives. The token's {@code org} is what the identity provider put there once the institute confirmed
 * the link; the record has the last word, so a revocation takes effect here at once, before the token expires. A
 * person with no record (an account linked by hand in the identity provider, or a test's token) is taken at the
 * token's word. A registered person whose request is pending acts for its organisation as an unconfirmed
 * representative: they may draft and change their own drafts, nothing more.
 */
@RequestScoped
public class Representation {

    @Inject
    Caller caller;

    @Inject
    RepresentativeRegistry registry;

    private Optional<RepresentativeRegistry.View> record;

    private Optional<RepresentativeRegistry.View> record() {
        if (record == null) {
            record = caller.isRepresentative() ? registry.find(caller.subject()) : Optional.empty();
        }
        return record;
    }

    /** The organisation the institute confirmed the caller represents; empty for staff and auditors. */
    public Optional<String> confirmedInn() {
        Optional<String> claimed = caller.organisationInn();
        if (claimed.isEmpty() || !caller.isRepresentative()) {
            return Optional.empty();
        }
        return record().map(r -> r.status() == RepresentativeStatus.CONFIRMED && claimed.get().equals(r.organisationInn())
                ? claimed : Optional.<String>empty()).orElse(claimed);
    }

    /** The organisation of the caller's request awaiting confirmation (empty once confirmed, refused or revoked). */
    public Optional<String> pendingInn() {
        if (confirmedInn().isPresent()) {
            return Optional.empty();
        }
        return record().filter(r -> r.status() == RepresentativeStatus.PENDING)
                .map(RepresentativeRegistry.View::organisationInn);
    }

    /** Who acts, for a command: staff, a confirmed representative, or an unconfirmed one for their own drafts. */
    public Acting acting() {
        if (caller.isStaff()) {
            return Acting.staff();
        }
        Optional<String> confirmed = confirmedInn();
        if (confirmed.isPresent()) {
            return Acting.representative(confirmed.get(), caller.subject());
        }
        Optional<String> pending = pendingInn();
        if (pending.isPresent()) {
            return Acting.unconfirmed(pending.get(), caller.subject());
        }
        throw new AccessDeniedException(record().map(r -> switch (r.status()) {
            case REVOKED -> "Институт отозвал подтверждение, что вы представляете организацию";
            case REFUSED -> "Институт не подтвердил, что вы представляете организацию: зарегистрируйтесь снова";
            default -> "Нет подтверждённой организации";
        }).orElse("Зарегистрируйтесь как представитель организации: укажите её ИНН в профиле"));
    }

    /**
     * Reads of an organisation's object: staff and auditors see all; a representative their confirmed
     * organisation's; an unconfirmed one only what they drafted. Another's is "not found", so its existence does
     * not leak.
     */
    public void requireSight(String organisationInn, String draftedBy, String what) {
        if (caller.isStaff() || caller.isAuditor()) {
            return;
        }
        if (organisationInn != null && organisationInn.equals(confirmedInn().orElse(null))) {
            return;
        }
        if (organisationInn != null && organisationInn.equals(pendingInn().orElse(null)) && draftedBy != null
                && draftedBy.equals(caller.subject())) {
            return;
        }
        throw new NotFoundException(what + " не найден(а)");
    }

    public String subject() {
        return caller.subject();
    }
}
