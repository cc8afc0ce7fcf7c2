package ru.fioco.training.application.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.application.domain.ApplicationCommands.Acting;
import ru.fioco.training.application.domain.ApplicationCommands.ChangeDraft;
import ru.fioco.training.application.domain.ApplicationCommands.CorrectParticipant;
import ru.fioco.training.application.domain.ApplicationCommands.DraftApplication;
import ru.fioco.training.application.domain.ApplicationCommands.ReturnForCorrection;
import ru.fioco.training.application.domain.ApplicationCommands.SubmitApplication;
import ru.fioco.training.application.domain.ApplicationCommands.TakeIntoWork;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawApplication;
import ru.fioco.training.application.domain.Regions;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationBoard.Detail;
import ru.fioco.training.application.query.ApplicationBoard.Filter;
import ru.fioco.training.application.query.ApplicationBoard.Page;
import ru.fioco.training.application.query.ApplicationSummary;
import ru.fioco.training.application.query.nextstep.NextStepBook;
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;
import ru.fioco.training.platform.web.QueryParams;

/**
 * Applications («заявки»): representatives draft, change, submit and withdraw their organisation's;
 * staff review, return, take into work and withdraw any; auditors read without personal data. Writes
 * answer once the events are stored; lists follow a moment later (read model).
 */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApplicationResource {

    static final int MAX_PAGE_SIZE = 100;
    /** The furthest page a list goes to; a search narrows better than paging past it. */
    static final int MAX_PAGE = 1000;

    /** The answer to a write: the application's id, and where to read it. */
    public record Accepted(String id) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationBoard board;

    @Inject
    NextStepBook nextSteps;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    @Inject
    AccessLog accessLog;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Response draft(ApplicationForm form) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new DraftApplication(id, acting(), form), caller.commandMetaData());
        return Response.created(URI.create("/applications/" + id)).entity(new Accepted(id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Accepted change(@PathParam("id") String id, ApplicationForm form) {
        commands.sendAndWait(new ChangeDraft(id, acting(), form), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Accepted submit(@PathParam("id") String id) {
        commands.sendAndWait(new SubmitApplication(id, acting()), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Accepted returnForCorrection(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new ReturnForCorrection(id, acting(), reason(request)), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/take-into-work")
    @RolesAllowed(Roles.STAFF)
    public Accepted takeIntoWork(@PathParam("id") String id) {
        commands.sendAndWait(new TakeIntoWork(id, acting()), caller.commandMetaData());
        return new Accepted(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Accepted withdraw(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new WithdrawApplication(id, acting(), reason(request)), caller.commandMetaData());
        return new Accepted(id);
    }

    /**
     * The representative corrects a participant's data after submission (until the contract is concluded): the
     * body is the participant's form, as in the application; the answer is the application with the correction.
     */
    @PUT
    @Path("/{id}/participants/{participantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Accepted correctParticipant(@PathParam("id") String id, @PathParam("participantId") String participantId,
            ApplicationForm.Participant participant) {
        commands.sendAndWait(new CorrectParticipant(id, participantId, acting(), participant), caller.commandMetaData());
        return new Accepted(id);
    }

    /**
     * The list: a representative's own organisation only (the cabinet); staff and auditors all, with
     * filters. {@code overdue=true} is the staff's queue of reviews past their due date; {@code q} finds by number,
     * INN, organisation, a participant's surname or SNILS, an invoice's, act's or certificate's number or a tracking
     * number; {@code contractStatus} by the contract's stage.
     */
    @GET
    public Page list(@QueryParam("status") String status, @QueryParam("contractStatus") String contractStatus,
            @QueryParam("programmeId") String programmeId, @QueryParam("region") String region,
            @QueryParam("overdue") String overdueText, @QueryParam("q") String text,
            @QueryParam("page") String pageText, @QueryParam("size") String sizeText) {
        List<FieldViolation> problems = new ArrayList<>();
        if (status != null && Arrays.stream(ApplicationStatus.values()).noneMatch(s -> s.name().equals(status))) {
            problems.add(new FieldViolation("status", "неизвестный статус; возможные: "
                    + Arrays.toString(ApplicationStatus.values())));
        }
        if (contractStatus != null && Arrays.stream(ContractStatus.values()).noneMatch(s -> s.name().equals(contractStatus))) {
            problems.add(new FieldViolation("contractStatus", "неизвестный этап договора; возможные: "
                    + Arrays.toString(ContractStatus.values())));
        }
        Boolean overdue = QueryParams.flag("overdue", overdueText, problems);
        int page = QueryParams.integer("page", pageText, 0, 0, MAX_PAGE, problems);
        int size = QueryParams.integer("size", sizeText, 20, 1, MAX_PAGE_SIZE, problems);
        if (text != null && text.length() > MAX_QUERY) {
            problems.add(new FieldViolation("q", "не длиннее " + MAX_QUERY + " символов"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String organisation = null;
        String draftedBy = null;
        if (caller.isRepresentative() && !caller.isStaff()) {
            // a representative sees their confirmed organisation's applications; one awaiting confirmation, their drafts
            organisation = representation.confirmedInn().orElse(null);
            if (organisation == null) {
                organisation = representation.pendingInn().orElse(null);
                draftedBy = representation.subject();
            }
            if (organisation == null) {
                return new ApplicationBoard.Page(List.of(), 0, page, size);
            }
        }
        List<String> also = text == null || text.isBlank() ? List.of() : nextSteps.withKey(text, MAX_MATCHES);
        List<String> only = contractStatus == null ? null
                : nextSteps.withContractStatus(ContractStatus.valueOf(contractStatus), MAX_MATCHES);
        Page found = board.list(new Filter(organisation, status, programmeId, region, overdue, text, also, only, draftedBy),
                page, size);
        if (caller.isAuditor() && !caller.isStaff()) {
            return new Page(found.items().stream().map(ApplicationResource::forAuditor).toList(), found.total(),
                    found.page(), found.size());
        }
        return found;
    }

    /** The longest search text, and the most applications one contract-side key may match. */
    static final int MAX_QUERY = 100;
    static final int MAX_MATCHES = 10_000;

    /** One application; an auditor sees it without the form's personal data and without the reason's text. */
    @GET
    @Path("/{id}")
    public Detail get(@PathParam("id") String id) {
        Detail detail = board.find(id).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        representation.requireSight(detail.summary().organisationInn(), detail.summary().draftedBy(), "Заявка");
        if (caller.isAuditor() && !caller.isStaff()) {
            // a reason is free text people wrote: personal data until proven otherwise
            return new Detail(forAuditor(detail.summary()), null, detail.lastReason() == null ? null : "скрыто",
                    detail.participantsLocked(), List.of(), detail.erasures(), detail.consents().stream()
                    .map(c -> new ApplicationBoard.Consent(c.participantId(), c.textVersion(), c.confirmedAt(), "скрыто",
                            c.withdrawalReceivedOn(), c.eraseBy(), c.withdrawalRecordedBy(), c.erased())).toList(),
                    detail.endedAt());
        }
        if (caller.isStaff() && detail.form() != null) {
            // staff read the people's data: each read is logged, naming the people by their keys
            List<String> people = new ArrayList<>(detail.form().participants().stream().filter(Objects::nonNull)
                    .map(p -> "participant:" + p.participantId()).toList());
            people.add("applicant:" + id);
            if (detail.form().organisation() != null && detail.form().organisation().signatory() != null) {
                people.add("signatory:" + id);
            }
            accessLog.viewed(AccessLog.Kind.PARTICIPANTS_READ, id, people, id);
        }
        return detail;
    }

    /** An application's line for an auditor: the account that drafted it (a person's login) is hidden. */
    private static ApplicationSummary forAuditor(ApplicationSummary s) {
        return new ApplicationSummary(s.id(), s.number(), s.createdAt(), s.submittedAt(), s.status(), s.statusTitle(),
                s.type(), s.programmeId(), s.programmeTitle(), s.organisationInn(), s.organisationShortName(), s.region(),
                s.participantCount(), s.reviewDueDate(), s.reviewDueProvisional(), s.reviewOverdue(),
                s.draftedBy() == null ? null : "скрыто");
    }

    /** The subjects of the Russian Federation for the form's «Субъект РФ» list. */
    @GET
    @Path("/regions")
    public List<String> regions() {
        return Regions.all();
    }

    private Acting acting() {
        return representation.acting();
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }
}
