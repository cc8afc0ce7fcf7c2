package ru.fioco.training.document.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import ru.fioco.training.document.query.ProgrammeCopy;
import ru.fioco.training.platform.errors.NotFoundException;

/** The programmes document-service knows, as it learned them from the {@code applications} topic. */
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProgrammeResource {

    @Inject
    ProgrammeCopy programmes;

    @GET
    @Path("/{id}")
    public ProgrammeCopy.Programme get(@PathParam("id") String id) {
        return programmes.find(id).orElseThrow(() -> new NotFoundException("Программа " + id + " не найдена"));
    }
}
