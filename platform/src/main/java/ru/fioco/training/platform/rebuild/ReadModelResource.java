package ru.fioco.training.platform.rebuild;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ru.fioco.training.platform.security.Roles;

/**
 * Staff's view of the service's rebuildable read models: their checksums, and a rebuild from the event store
 * ({@code POST /admin/read-models/{name}/rebuild}, then poll {@code GET /admin/read-models/{name}} until
 * {@code REBUILT}, where {@code matches} says whether the content came out the same).
 */
@Path("/admin/read-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class ReadModelResource {

    @Inject
    ReadModelRebuilds rebuilds;

    @GET
    public List<ReadModelRebuilds.Status> all() {
        return rebuilds.all();
    }

    @GET
    @Path("/{name}")
    public ReadModelRebuilds.Status one(@PathParam("name") String name) {
        return rebuilds.status(name);
    }

    @POST
    @Path("/{name}/rebuild")
    public Response rebuild(@PathParam("name") String name) {
        return Response.accepted(rebuilds.start(name)).build();
    }
}
