package ru.fioco.training.application.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import ru.fioco.training.application.domain.PublishProgramme;
import ru.fioco.training.application.query.ProgrammeCatalogue;
import ru.fioco.training.application.query.ProgrammeView;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/** The programme catalogue: staff publish; everyone signed in reads. */
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProgrammeResource {

    @Inject
    CommandGateway commands;

    @Inject
    ProgrammeCatalogue catalogue;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response publish(@Valid @NotNull(message = "нужно тело запроса") ProgrammeRequest request) {
        String id = UUID.randomUUID().toString();
        PublishProgramme command = new PublishProgramme(id, request.title(), request.startDate(), request.endDate(),
                request.hours(), request.subjects(), request.pricePerParticipant());
        commands.sendAndWait(command, MetaData.from(Map.of(
                EventStoreSetup.ACTOR, caller.subject(), EventStoreSetup.ACTOR_ROLE, caller.role())));
        ProgrammeView created = new ProgrammeView(id, command.title().strip(), command.startDate(), command.endDate(),
                command.hours(), command.subjects().stream().map(String::strip).toList(), command.pricePerParticipant(),
                ProgrammeView.VAT_EXEMPT);
        return Response.created(URI.create("/programmes/" + id)).entity(created).build();
    }

    @GET
    public List<ProgrammeView> list() {
        return catalogue.all();
    }

    @GET
    @Path("/{id}")
    public ProgrammeView get(@PathParam("id") String id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundException("Программа " + id + " не найдена"));
    }

}
