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

import ru.fioco.training.application.query.history.ApplicationHistory;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * An application's history across all four services, for staff (as recorded) and auditors (personal data
 * masked), optionally as of a moment: {@code ?asOf=2026-03-01T12:00:00+03:00}.
 */
@Path("/applications/{applicationId}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    ApplicationHistory history;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
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
        if (!history.knows(applicationId)) {
            throw new NotFoundException("История заявки не найдена");
        }
        return history.of(applicationId, until, !caller.isStaff());
    }
}
