package ru.fioco.training.document.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ru.fioco.training.document.query.DocumentCabinet;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.security.Roles;
import ru.fioco.training.platform.web.QueryParams;

/** «Документы на проверке»: every version awaiting review in submitted applications, the overdue first (staff). */
@Path("/documents/review-queue")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 1000;

    @Inject
    DocumentCabinet cabinet;

    @GET
    @RolesAllowed(Roles.STAFF)
    public DocumentCabinet.Queue queue(@QueryParam("page") String pageText, @QueryParam("size") String sizeText) {
        List<FieldViolation> problems = new ArrayList<>();
        int page = QueryParams.integer("page", pageText, 0, 0, MAX_PAGE, problems);
        int size = QueryParams.integer("size", sizeText, 20, 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return cabinet.reviewQueue(page, size);
    }
}
