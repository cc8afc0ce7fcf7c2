package ru.fioco.training.application.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.domain.Programme;
import ru.fioco.training.application.domain.ProgrammeCommands.ChangeProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.CloseProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.ProgrammeDescription;
import ru.fioco.training.application.domain.ProgrammeCommands.PublishProgramme;
import ru.fioco.training.application.query.ProgrammeCatalogue;
import ru.fioco.training.application.query.ProgrammeView;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;
import ru.fioco.training.platform.web.FormViolations;
import ru.fioco.training.platform.web.QueryParams;

/** The programme catalogue: staff publish, change and close; everyone signed in reads the open programmes. */
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

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response publish(ProgrammeRequest request) {
        check(request);
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new PublishProgramme(id, request.description()), caller.commandMetaData());
        return Response.created(URI.create("/programmes/" + id)).entity(view(id, request.description(), true)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public ProgrammeView change(@PathParam("id") String id, ProgrammeRequest request) {
        ProgrammeView current = catalogue.find(id)
                .orElseThrow(() -> new NotFoundException("Программа " + id + " не найдена"));
        check(request);
        commands.sendAndWait(new ChangeProgramme(id, request.description()), caller.commandMetaData());
        return view(id, request.description(), current.open());
    }

    /** Closes the programme for new applications («приём заявок закрыт»). */
    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.STAFF)
    public Response close(@PathParam("id") String id) {
        get(id);
        commands.sendAndWait(new CloseProgramme(id), caller.commandMetaData());
        return Response.noContent().build();
    }

    /** Open programmes; staff may ask for closed ones too. */
    @GET
    public List<Object> list(@QueryParam("includeClosed") String includeClosedText) {
        List<FieldViolation> problems = new ArrayList<>();
        Boolean includeClosed = QueryParams.flag("includeClosed", includeClosedText, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ProgrammeView> found = catalogue.list(Boolean.TRUE.equals(includeClosed) && caller.isStaff());
        return forAuditor() ? found.stream().map(p -> (Object) AuditorView.of(json, p, AUDITOR_SEES)).toList()
                : List.copyOf(found);
    }

    @GET
    @Path("/{id}")
    public Object get(@PathParam("id") String id) {
        ProgrammeView found = catalogue.find(id)
                .orElseThrow(() -> new NotFoundException("Программа " + id + " не найдена"));
        return forAuditor() ? AuditorView.of(json, found, AUDITOR_SEES) : found;
    }

    /**
     * What an auditor reads of a programme: the course, its dates, hours, subjects and price. Not its tutors (the
     * institute's staff, named to the schools that enrol and to their participants, not to an audit).
     */
    static final Set<String> AUDITOR_SEES = Set.of("id", "title", "startDate", "endDate", "hours", "subjects[]",
            "pricePerParticipant", "vat", "lmsCourseUrl", "open");

    private boolean forAuditor() {
        return caller.isAuditor() && !caller.isStaff();
    }

    /** The form's checks and the programme's rules, every error at once; the aggregate applies the rules again. */
    private void check(ProgrammeRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "нужно тело запроса");
        }
        List<FieldViolation> problems = new ArrayList<>(FormViolations.of(validator, request));
        problems.addAll(Programme.brokenRules(request.description()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Programme.requireWithinCalendar(request.description(), calendar, ProductionCalendar.today(clock));
    }

    /** The programme as accepted, before the catalogue (a moment later) shows it. */
    private static ProgrammeView view(String id, ProgrammeDescription d, boolean open) {
        return new ProgrammeView(id, d.title().strip(), d.startDate(), d.endDate(), d.hours(),
                d.subjects().stream().map(String::strip).toList(), d.pricePerParticipant(), ProgrammeView.VAT_EXEMPT,
                d.lmsCourseUrl(), d.tutors(), open);
    }
}
