package ru.fioco.training.application.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.application.domain.ApplicationCommands.Acting;
import ru.fioco.training.application.domain.ApplicationCommands.ChangeDraft;
import ru.fioco.training.application.domain.ApplicationCommands.DraftApplication;
import ru.fioco.training.application.domain.ApplicationCommands.ReturnForCorrection;
import ru.fioco.training.application.domain.ApplicationCommands.SubmitApplication;
import ru.fioco.training.application.domain.ApplicationCommands.TakeIntoWork;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawApplication;
import ru.fioco.training.application.domain.Regions;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationBoard.Detail;
import ru.fioco.training.application.query.ApplicationBoard.Filter;
import ru.fioco.training.application.query.ApplicationBoard.Page;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * Applications («заявки»): representatives draft, change, submit and withdraw their organisation's;
 * staff review, return, take into work and withdraw any; auditors read without personal data. Writes
 * answer once the events are stored; lists follow a moment later (read model).
 */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApplicationResource {

    static final int MAX_PAGE_SIZE = 100;

    /** The answer to a write: the application's id, and where to read it. */
    public record Accepted(String id) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationBoard board;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Response draft(ApplicationForm form) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new DraftApplication(id, acting(), form), caller.commandMetaData());
        return Response.created(URI.create("/applications/" + id)).entity(new Accepted(id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Accepted change(@PathParam("id") String id, ApplicationForm form) {
        commands.sendAndWait(new ChangeDraft(id, acting(), form), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Accepted submit(@PathParam("id") String id) {
        commands.sendAndWait(new SubmitApplication(id, acting()), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Accepted returnForCorrection(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new ReturnForCorrection(id, acting(), reason(request)), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/take-into-work")
    @RolesAllowed(Roles.STAFF)
    public Accepted takeIntoWork(@PathParam("id") String id) {
        commands.sendAndWait(new TakeIntoWork(id, acting()), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Accepted withdraw(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new WithdrawApplication(id, acting(), reason(request)), caller.commandMetaData());
        return new Accepted(id);
    }

    /**
     * The list: a representative's own organisation only (the cabinet); staff and auditors all, with
     * filters. {@code overdue=true} is the staff's queue of reviews past their due date.
     */
    @GET
    public Page list(@QueryParam("status") String status, @QueryParam("programmeId") String programmeId,
            @QueryParam("region") String region, @QueryParam("overdue") Boolean overdue, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (status != null && Arrays.stream(ApplicationStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new InvalidInputException("status", "неизвестный статус; возможные: "
                    + Arrays.toString(ApplicationStatus.values()));
        }
        if (page < 0) {
            throw new InvalidInputException("page", "номер страницы не может быть отрицательным");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "от 1 до " + MAX_PAGE_SIZE);
        }
        String organisation = caller.isRepresentative() && !caller.isStaff()
                ? caller.organisationInn().orElseThrow(() -> new NotFoundException("Организация не указана в токене"))
                : null;
        return board.list(new Filter(organisation, status, programmeId, region, overdue, text), page, size);
    }

    /** One application; an auditor sees it without the form's personal data. */
    @GET
    @Path("/{id}")
    public Detail get(@PathParam("id") String id) {
        Detail detail = board.find(id).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        caller.requireSight(detail.summary().organisationInn(), "Заявка");
        if (caller.isAuditor() && !caller.isStaff()) {
            return new Detail(detail.summary(), null, detail.lastReason());
        }
        return detail;
    }

    /** The subjects of the Russian Federation for the form's «Субъект РФ» list. */
    @GET
    @Path("/regions")
    public List<String> regions() {
        return Regions.all();
    }

    private Acting acting() {
        if (caller.isStaff()) {
            return Acting.staff();
        }
        return Acting.representative(caller.organisationInn()
                .orElseThrow(() -> new AccessDeniedException(
                        "В токене представителя нет организации (claim org)")));
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }
}
