package ru.fioco.training.contract.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ru.fioco.training.contract.query.CertificateRegister;
import ru.fioco.training.contract.query.ContractBoard;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.security.Roles;

/** Staff's lists across contracts: overdue originals and invoices, and the certificate register for the federal register. */
@Path("/staff")
@RolesAllowed(Roles.STAFF)
public class StaffQueueResource {

    @Inject
    ContractBoard board;

    @Inject
    CertificateRegister register;

    @Inject
    Clock clock;

    /** Contracts whose paper originals were due before today and have not arrived. */
    @GET
    @Path("/originals-overdue")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ContractBoard.View> originalsOverdue() {
        return board.originalsOverdue(ProductionCalendar.today(clock));
    }

    /** Invoices whose due date has passed and that are not paid in full, the longest overdue first. */
    @GET
    @Path("/invoices-overdue")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ContractBoard.View> invoicesOverdue() {
        return board.invoicesOverdue(ProductionCalendar.today(clock));
    }

    /** The year's certificates in the 40 columns of the federal register's (FIS FRDO) further-education template. */
    @GET
    @Path("/certificate-register.csv")
    @Produces("text/csv")
    public Response register(@QueryParam("year") Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "укажите год выдачи, например 2027");
        }
        byte[] csv = register.csv(year).getBytes(StandardCharsets.UTF_8);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"frdo-dpo-" + year + ".csv\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

}
