package ru.fioco.training.contract.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import ru.fioco.training.contract.query.ProgrammeTerms;
import ru.fioco.training.platform.errors.NotFoundException;

/** The programme terms contract-service knows, as it learned them from the {@code applications} topic. */
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProgrammeResource {

    @Inject
    ProgrammeTerms terms;

    @GET
    @Path("/{id}")
    public ProgrammeTerms.Terms get(@PathParam("id") String id) {
        return terms.find(id).orElseThrow(() -> new NotFoundException("Программа " + id + " не найдена"));
    }
}
