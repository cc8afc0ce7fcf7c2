package ru.fioco.training.contract.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ru.fioco.training.contract.query.CertificateRegister;
import ru.fioco.training.contract.query.ContractBoard;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
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

    @Inject
    ProductionCalendar calendar;

    /** Contracts whose paper originals were due before today and have not arrived. */
    @GET
    @Path("/originals-overdue")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ContractBoard.View> originalsOverdue() {
        return board.originalsOverdue(ProductionCalendar.today(clock));
    }

    /**
     * One of the contract stage's queues ({@code awaiting-signed-scans}, {@code conclusion-due-soon},
     * {@code acts-to-issue}, {@code originals-overdue}, {@code certificates-to-issue}, {@code packages-to-ship},
     * {@code invoices-overdue}), a page at a time, the nearest deadline first.
     */
    @GET
    @Path("/contract-queues/{queue}")
    @Produces(MediaType.APPLICATION_JSON)
    public ContractBoard.QueuePage queue(@PathParam("queue") String queue, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ContractBoard.Queue which;
        try {
            which = ContractBoard.Queue.valueOf(queue.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("Нет такой очереди: " + queue);
        }
        // taken as text: a number JAX-RS cannot convert would answer 404, not a problem naming the field
        int p = number(page, 0);
        int s = number(size, 50);
        List<FieldViolation> wrong = new ArrayList<>();
        if (p < 0 || p > MAX_PAGE) {
            wrong.add(new FieldViolation("page", "номер страницы от 0 до " + MAX_PAGE));
        }
        if (s < 1 || s > MAX_SIZE) {
            wrong.add(new FieldViolation("size", "от 1 до " + MAX_SIZE + " на странице"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return board.queue(which, ProductionCalendar.today(clock), calendar, p, s);
    }

    /** The parameter as a number; absent: the default; not a number: -1, which no bound admits. */
    private static int number(String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** Pages beyond this are no queue a person reads; the bound also keeps page × size far from overflow. */
    static final int MAX_PAGE = 10_000;
    static final int MAX_SIZE = 200;

    /** Invoices whose due date has passed and that are not paid in full, the longest overdue first. */
    @GET
    @Path("/invoices-overdue")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ContractBoard.View> invoicesOverdue() {
        return board.invoicesOverdue(ProductionCalendar.today(clock));
    }

    /** A column of the register this export leaves empty, and why. */
    public record UnfilledColumn(int number, String title, String why) {
    }

    /** The register's columns the export leaves empty and why, so staff know what to complete before an upload. */
    @GET
    @Path("/certificate-register/unfilled-columns")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UnfilledColumn> unfilledColumns() {
        return CertificateRegister.NOT_FILLED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new UnfilledColumn(e.getKey(), CertificateRegister.COLUMNS.get(e.getKey() - 1), e.getValue()))
                .toList();
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
