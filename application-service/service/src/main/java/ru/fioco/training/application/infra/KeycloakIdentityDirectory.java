package ru.fioco.training.application.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import ru.fioco.training.application.policy.IdentityDirectory;

/**
 * Keycloak's side of a representation, through its admin API with this service's service account (allowed to view
 * and manage users, nothing else): the user attribute {@code org}, which the realm maps into the tokens' claim of
 * the same name. A user is read whole and written back whole: the admin API's update clears every attribute the
 * request leaves out.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class);
    static final String ORGANISATION_ATTRIBUTE = "org";

    @Inject
    @RestClient
    KeycloakUsers users;

    @ConfigProperty(name = "platform.identity.realm")
    String realm;

    @Override
    public void linkOrganisation(String subject, String organisationInn) {
        change(subject, organisationInn, false);
    }

    @Override
    public void unlinkOrganisation(String subject, boolean endSessions) {
        change(subject, null, endSessions);
    }

    @Override
    public void forget(String subject) {
        try {
            users.delete(realm, subject);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void change(String subject, String organisationInn, boolean endSessions) {
        Map<String, Object> user;
        try {
            user = new HashMap<>(users.get(realm, subject));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                // the account was deleted: no token of it will carry anything any more
                LOG.warnf("No account %s in realm %s: its organisation is left as it is", subject, realm);
                return;
            }
            throw e;
        }
        Map<String, Object> attributes = user.get("attributes") instanceof Map<?, ?> a
                ? new HashMap<>((Map<String, Object>) a) : new HashMap<>();
        List<String> wanted = organisationInn == null ? null : List.of(organisationInn);
        if (!Objects.equals(attributes.get(ORGANISATION_ATTRIBUTE), wanted)) {
            if (wanted == null) {
                attributes.remove(ORGANISATION_ATTRIBUTE);
            } else {
                attributes.put(ORGANISATION_ATTRIBUTE, wanted);
            }
            user.put("attributes", attributes);
            users.update(realm, subject, user);
        }
        if (endSessions) {
            users.logout(realm, subject);
        }
    }
}
