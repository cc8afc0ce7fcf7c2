package ru.fioco.training.application.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;

import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ProgrammeCatalogue;
import ru.fioco.training.application.query.ProgrammeView;
import ru.fioco.training.application.query.nextstep.NextStepBook;
import ru.fioco.training.application.query.nextstep.NextSteps;
import ru.fioco.training.application.query.nextstep.NextSteps.Next;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.web.QueryParams;

/**
 * The cabinet's front page: for each application, what the organisation must do next and by when, what the
 * institute owes next, and the unread messages of each side. A representative sees their organisation's
 * applications, most urgent first; staff and auditors every application, by what the institute owes first.
 */
@Path("/next-steps")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NextStepResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 1000;
    /** The most applications ordered in one go. */
    static final int MAX_APPLICATIONS = 10_000;

    /** A page of next steps, with the total for the pager. */
    public record Page(List<Next> items, long total, int page, int size) {
    }

    @Inject
    NextStepBook book;

    @Inject
    ProgrammeCatalogue catalogue;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    @Inject
    ApplicationBoard board;

    /**
     * What an auditor reads of the next steps: whose turn it is and by when, not the steps' texts (they name
     * participants and quote reasons).
     */
    static final Set<String> AUDITOR_SEES = Set.of("items[].applicationId", "items[].number", "items[].status",
            "items[].statusTitle", "items[].contractStatus", "items[].organisation.dueDate",
            "items[].organisation.provisional", "items[].organisation.overdue", "items[].institute.dueDate",
            "items[].institute.provisional", "items[].institute.overdue", "items[].unreadForOrganisation",
            "items[].unreadForInstitute", "total", "page", "size");

    @Inject
    ObjectMapper json;

    @GET
    public Object list(@QueryParam("page") String pageText, @QueryParam("size") String sizeText) {
        List<FieldViolation> problems = new ArrayList<>();
        int page = QueryParams.integer("page", pageText, 0, 0, MAX_PAGE, problems);
        int size = QueryParams.integer("size", sizeText, 20, 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean institute = caller.isStaff() || caller.isAuditor();
        String organisation = institute ? null : representation.confirmedInn().orElse(null);
        if (!institute && organisation == null) {
            return new Page(List.of(), 0, page, size); // nothing yet: the link awaits confirmation
        }
        LocalDate today = ProductionCalendar.today(clock);
        List<Next> all = book.ofOrganisation(organisation, MAX_APPLICATIONS).stream().map(k -> next(k, today))
                .sorted(Comparator.comparing((Next n) -> due(institute ? n.institute() : n.organisation()),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Next::applicationId))
                .toList();
        int from = Math.min(all.size(), page * size);
        Page found = new Page(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
        return caller.isAuditor() && !caller.isStaff() ? AuditorView.of(json, found, AUDITOR_SEES) : found;
    }

    @GET
    @Path("/{applicationId}")
    public Object one(@PathParam("applicationId") String applicationId) {
        NextStepBook.Known known = book.find(applicationId).filter(k -> k.application() != null)
                .orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        representation.requireSight(known.application().organisationInn, board.find(applicationId)
                .map(d -> d.summary().draftedBy()).orElse(null), "Заявка");
        Next next = next(known, ProductionCalendar.today(clock));
        if (caller.isAuditor() && !caller.isStaff()) {
            // the same allow-list, for one application: the page's paths without their "items[]."
            return AuditorView.of(json, new Page(List.of(next), 1, 0, 1), AUDITOR_SEES).path("items").path(0);
        }
        return next;
    }

    private Next next(NextStepBook.Known known, LocalDate today) {
        String programmeId = known.application() == null ? null : known.application().programmeId;
        NextSteps.Programme programme = programmeId == null ? null : catalogue.find(programmeId)
                .map((ProgrammeView p) -> new NextSteps.Programme(p.startDate(), p.endDate())).orElse(null);
        return NextSteps.of(known, programme, today, calendar);
    }

    private static LocalDate due(NextSteps.Step step) {
        return step == null ? null : step.dueDate();
    }
}
