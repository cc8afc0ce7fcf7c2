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
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Roles;
import ru.fioco.training.platform.web.QueryParams;

/** Staff's lists across contracts: overdue originals and invoices, and the certificate register for the federal register. */
@Path("/staff")
@RolesAllowed(Roles.STAFF)
public class StaffQueueResource {

    @Inject
    AccessLog accessLog;


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
        List<FieldViolation> wrong = new ArrayList<>();
        int p = QueryParams.integer("page", page, 0, 0, MAX_PAGE, wrong);
        int s = QueryParams.integer("size", size, 50, 1, MAX_SIZE, wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return board.queue(which, ProductionCalendar.today(clock), calendar, p, s);
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
    public Response register(@QueryParam("year") String yearText) {
        List<FieldViolation> wrong = new ArrayList<>();
        int year = QueryParams.integer("year", yearText, -1, 2000, 2100, wrong);
        if (year < 0) {
            throw new InvalidInputException("year", "укажите год выдачи, например 2027");
        }
        byte[] csv = register.csv(year).getBytes(StandardCharsets.UTF_8);
        // the export names every holder of the year's certificates: one entry, all of them
        accessLog.viewed(AccessLog.Kind.REGISTER_EXPORTED, null, board.withCertificatesIn(year).stream()
                .flatMap(v -> v.certificates.stream().filter(c -> c.issuedOn() != null && c.issuedOn().getYear() == year))
                .map(c -> "participant:" + c.participantId()).distinct().toList(), "frdo-dpo-" + year);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"frdo-dpo-" + year + ".csv\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

}
