package ru.fioco.training.platform.consuming;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * Staff's view of the records this service's consumers could never apply: list (by consumer and state), inspect
 * one (its headers and payload), re-drive it once the cause is mended ({@code 202}; poll the record until
 * {@code REDRIVEN}, or {@code WAITING} again with the new reason).
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("consumer") String consumer, @QueryParam("state") String state) {
        return deadLetters.list(Optional.ofNullable(consumer).filter(c -> !c.isBlank()),
                Optional.ofNullable(state).filter(s -> !s.isBlank()).map(DeadLetterResource::state));
    }

    @GET
    @Path("/{id}")
    public DeadLetters.DeadLetter one(@PathParam("id") String id) {
        return deadLetters.get(id);
    }

    @POST
    @Path("/{id}/redrive")
    public Response redrive(@PathParam("id") String id) {
        return Response.accepted(deadLetters.startRedrive(id, caller.subject())).build();
    }

    private static DeadLetters.State state(String value) {
        try {
            return DeadLetters.State.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "одно из: WAITING, REDRIVING, REDRIVEN");
        }
    }
}
