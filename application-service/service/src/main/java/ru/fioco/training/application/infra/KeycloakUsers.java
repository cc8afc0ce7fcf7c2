package ru.fioco.training.application.infra;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The four calls of Keycloak's admin API this service makes, with its service account's token (client
 * credentials, fetched and renewed by the OIDC client). A user is a plain map: read whole, written back whole.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakUsers {

    @GET
    Map<String, Object> get(@PathParam("realm") String realm, @PathParam("id") String id);

    @PUT
    void update(@PathParam("realm") String realm, @PathParam("id") String id, Map<String, Object> user);

    @DELETE
    void delete(@PathParam("realm") String realm, @PathParam("id") String id);

    @POST
    @Path("/logout")
    void logout(@PathParam("realm") String realm, @PathParam("id") String id);
}
