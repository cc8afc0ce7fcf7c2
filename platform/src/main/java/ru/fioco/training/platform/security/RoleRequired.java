package ru.fioco.training.platform.security;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.identity.SecurityIdentity;

import ru.fioco.training.platform.errors.AccessDeniedException;

/**
 * A signed-in caller whose token carries none of the platform's roles sees nothing: every endpoint that answers a
 * signed-in person (lists, programmes, one application) would otherwise treat them like someone with a role. Calls
 * without a token keep their 401 from the endpoints themselves; health and metrics are not resources and stay as
 * configured.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleRequired implements ContainerRequestFilter {

    private static final Set<String> ROLES = Set.of(Roles.REPRESENTATIVE, Roles.STAFF, Roles.AUDITOR);

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!identity.isAnonymous() && identity.getRoles().stream().noneMatch(ROLES::contains)) {
            throw new AccessDeniedException("У вашей учётной записи нет роли в платформе: обратитесь в институт");
        }
    }
}
