package ru.fioco.training.application.web;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ru.fioco.training.application.domain.PersonalDataAgreement;
import ru.fioco.training.application.policy.RetentionPolicy;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.security.Roles;

/**
 * The retention periods and what they destroyed: staff and auditors read the periods in force, every erasure the
 * retention pass made (newest first) and the withdrawn consents still waiting for theirs; staff may run a pass now
 * rather than wait for the next one.
 */
@Path("/staff/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    /** The most erasures one answer lists. */
    static final int MAX_LISTED = 1000;

    /** The periods: after completion, after withdrawal, and the days to destroy after a consent is withdrawn. */
    public record Periods(String completedApplications, String withdrawnApplications, int daysAfterConsentWithdrawal) {
    }

    public record Overview(Periods periods, List<ApplicationBoard.ErasureInApplication> erased,
            List<ApplicationBoard.PendingWithdrawal> pendingWithdrawals) {
    }

    @Inject
    ApplicationBoard board;

    @Inject
    RetentionPolicy pass;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public Overview overview() {
        return new Overview(new Periods(pass.completedApplications().toString(), pass.withdrawnApplications().toString(),
                PersonalDataAgreement.DAYS_TO_ERASE_AFTER_WITHDRAWAL),
                board.erasuresBy(RetentionPolicy.ERASED_BY, MAX_LISTED), board.pendingWithdrawals());
    }

    /**
     * Runs a pass now, over every ended application or over the one named by {@code applicationId}; answers what it
     * destroyed (empty when nothing was due or another replica is running one).
     */
    @POST
    @Path("/pass")
    @RolesAllowed(Roles.STAFF)
    public List<RetentionPolicy.Destroyed> runNow(@QueryParam("applicationId") String applicationId) {
        if (applicationId != null && (applicationId.isBlank() || applicationId.length() > 100)) {
            throw new InvalidInputException("applicationId", "идентификатор заявки, не длиннее 100 символов");
        }
        return pass.run(Optional.ofNullable(applicationId));
    }
}
