package ru.fioco.training.platform.accesslog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.security.Roles;

/**
 * This service's log of views of personal data, for staff and auditors: by application ({@code applicationId}) and/or
 * by person ({@code subject}: {@code participant:<id>}, {@code applicant:<application id>}); one of them is required,
 * as the whole log is nobody's business at once.
 */
@Path("/admin/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
public class AccessLogResource {

    static final int LIMIT = 1000;
    private static final Pattern SUBJECT =
            Pattern.compile("(participant|applicant|signatory|application|representative):[\\w-]{1,100}");

    @Inject
    AccessLog log;

    @GET
    public List<AccessLog.Entry> find(@QueryParam("applicationId") String applicationId,
            @QueryParam("subject") String subject) {
        Optional<String> application = Optional.ofNullable(applicationId).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> person = Optional.ofNullable(subject).map(String::strip).filter(s -> !s.isEmpty());
        if (application.isEmpty() && person.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldViolation("applicationId", "укажите заявку или субъекта"),
                    new FieldViolation("subject", "укажите заявку или субъекта")));
        }
        if (application.filter(a -> a.length() > 100).isPresent()) {
            throw new InvalidInputException("applicationId", "не длиннее 100 символов");
        }
        if (person.filter(p -> !SUBJECT.matcher(p).matches()).isPresent()) {
            throw new InvalidInputException("subject",
                    "вида participant:<id>, applicant:<id заявки>, signatory:<id заявки>, application:<id заявки> "
                            + "или representative:<id>");
        }
        return log.find(application, person, LIMIT);
    }
}
