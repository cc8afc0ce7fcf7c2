package ru.fioco.training.application.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.domain.ApplicationCommands.WithdrawConsent;
import ru.fioco.training.application.domain.PersonalDataAgreement;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationBoard.Consent;
import ru.fioco.training.application.query.ApplicationBoard.Detail;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * A participant's consent to the processing of their personal data (152-FZ art. 9): which text the representative
 * confirmed for them at submission, when and who; staff record a withdrawal on the day it reached the institute, and
 * the data are destroyed within 30 days (by the retention pass once the application has ended).
 */
@Path("/applications/{id}/participants/{participantId}/consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** The day a participant's withdrawal reached the institute, {@code YYYY-MM-DD}. */
    public record WithdrawalRequest(String receivedOn) {
    }

    /** The withdrawal recorded: by when the data are to be destroyed. */
    public record Withdrawn(String participantId, LocalDate receivedOn, LocalDate eraseBy) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationBoard board;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    /** The consent as recorded; an auditor does not see which representative's account confirmed it. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.REPRESENTATIVE})
    public Consent get(@PathParam("id") String id, @PathParam("participantId") String participantId) {
        Detail detail = board.find(id).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        representation.requireSight(detail.summary().organisationInn(), detail.summary().draftedBy(), "Заявка");
        Consent consent = detail.consents().stream().filter(c -> c.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new NotFoundException(detail.form().participants().stream()
                        .anyMatch(p -> p != null && participantId.equals(p.participantId()))
                        ? "Согласие ещё не дано: его подтверждают при подаче заявки" : "Участник не найден"));
        if (caller.isAuditor() && !caller.isStaff()) {
            return new Consent(consent.participantId(), consent.textVersion(), consent.confirmedAt(), "скрыто",
                    consent.withdrawalReceivedOn(), consent.eraseBy(), consent.withdrawalRecordedBy(), consent.erased());
        }
        return consent;
    }

    /** Staff record the withdrawal of the participant's consent. */
    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response withdraw(@PathParam("id") String id, @PathParam("participantId") String participantId,
            WithdrawalRequest request) {
        if (request == null || request.receivedOn() == null || request.receivedOn().isBlank()) {
            throw new InvalidInputException("receivedOn", "укажите дату получения отзыва согласия (ГГГГ-ММ-ДД)");
        }
        LocalDate receivedOn;
        try {
            receivedOn = LocalDate.parse(request.receivedOn().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("receivedOn", "дата в формате ГГГГ-ММ-ДД, например 2027-03-01");
        }
        if (participantId.length() > 100) {
            throw new InvalidInputException("participantId", "не длиннее 100 символов");
        }
        board.find(id).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        commands.sendAndWait(new WithdrawConsent(id, participantId, receivedOn, representation.acting(),
                caller.subject()), caller.commandMetaData());
        return Response.status(201).entity(new Withdrawn(participantId, receivedOn,
                receivedOn.plusDays(PersonalDataAgreement.DAYS_TO_ERASE_AFTER_WITHDRAWAL))).build();
    }
}
