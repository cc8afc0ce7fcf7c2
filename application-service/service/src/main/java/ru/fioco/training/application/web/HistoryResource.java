package ru.fioco.training.application.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationSummary;
import ru.fioco.training.application.query.history.ApplicationHistory;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * An application's history across all four services, for staff (as recorded), auditors (personal data masked)
 * and the organisation's representatives (their own application, without what concerns the institute alone),
 * optionally as of a moment: {@code ?asOf=2026-03-01T12:00:00+03:00}.
 */
@Path("/applications/{applicationId}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    ApplicationHistory history;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    @Inject
    ApplicationBoard board;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.REPRESENTATIVE})
    public ApplicationHistory.Timeline history(@PathParam("applicationId") String applicationId,
            @QueryParam("asOf") String asOf) {
        OffsetDateTime until = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                until = OffsetDateTime.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("asOf", "момент времени в формате ISO 8601 со смещением, например "
                        + "2026-03-01T12:00:00+03:00");
            }
        }
        ApplicationHistory.Reader reader = caller.isStaff() ? ApplicationHistory.Reader.STAFF
                : caller.isAuditor() ? ApplicationHistory.Reader.AUDITOR : ApplicationHistory.Reader.REPRESENTATIVE;
        if (reader == ApplicationHistory.Reader.REPRESENTATIVE) {
            ApplicationSummary summary = board.find(applicationId).map(ApplicationBoard.Detail::summary)
                    .orElseThrow(() -> new NotFoundException("История заявки не найдена"));
            representation.requireSight(summary.organisationInn(), summary.draftedBy(), "История заявки");
        }
        if (!history.knows(applicationId)) {
            throw new NotFoundException("История заявки не найдена");
        }
        return history.of(applicationId, until, reader);
    }
}
