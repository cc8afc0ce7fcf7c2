package ru.fioco.training.application.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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

import ru.fioco.training.application.api.PersonalDataErased.ErasureBasis;
import ru.fioco.training.application.api.PersonalDataErased.ErasureSubject;
import ru.fioco.training.application.domain.ApplicationCommands.ErasePersonalData;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationBoard.Detail;
import ru.fioco.training.application.query.ApplicationBoard.Erasure;
import ru.fioco.training.application.query.DestructionAct;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.files.FileDownloads;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * Destruction of personal data (152-FZ art. 21, Roskomnadzor order No. 179): staff destroy a participant's or the
 * applicant's data in an ended application; the person's key is destroyed and every copy reads «удалено». Staff and
 * auditors list the erasures and download each one's act of destruction.
 */
@Path("/applications/{id}/erasures")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The request: whose data ({@code PARTICIPANT} with its id, or {@code APPLICANT}) and on what ground. */
    public record ErasureRequest(String subject, String participantId, String basis) {
    }

    /** The answer: the erasure's id and where its act is. */
    public record Accepted(String erasureId, String act) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationBoard board;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    @Inject
    DestructionAct acts;

    @Inject
    AccessLog accessLog;


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response erase(@PathParam("id") String id, ErasureRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        if (request == null) {
            throw new InvalidInputException("subject", "укажите, чьи данные уничтожить");
        }
        ErasureSubject subject = parse(ErasureSubject.class, "subject", request.subject(), problems);
        ErasureBasis basis = parse(ErasureBasis.class, "basis", request.basis(), problems);
        if (request.participantId() != null && request.participantId().length() > 100) {
            problems.add(new FieldViolation("participantId", "не длиннее 100 символов"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String erasureId = UUID.randomUUID().toString();
        commands.sendAndWait(new ErasePersonalData(id, erasureId, representation.acting(), caller.subject(), subject,
                request.participantId(), basis), caller.commandMetaData());
        String act = "/applications/" + id + "/erasures/" + erasureId + "/act";
        return Response.created(URI.create(act)).entity(new Accepted(erasureId, act)).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public List<Erasure> list(@PathParam("id") String id) {
        return detail(id).erasures();
    }

    /** The act of destruction (DOCX): what, whose (by id), how, when, on what ground and by whom. */
    @GET
    @Path("/{erasureId}/act")
    @Produces({DOCX, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public Response act(@PathParam("id") String id, @PathParam("erasureId") String erasureId) {
        Detail detail = detail(id);
        Erasure erasure = detail.erasures().stream().filter(e -> e.erasureId().equals(erasureId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Акт не найден: такого уничтожения в заявке не было"));
        return actDownload(acts.of(detail.summary(), erasure, extract(id, erasure)), erasureId);
    }

    /** An act of destruction as a download: never cached, never sniffed. */
    static Response actDownload(byte[] docx, String erasureId) {
        return Response.ok(docx, DOCX)
                .header("Content-Disposition", FileDownloads.contentDisposition(
                        "Акт об уничтожении ПДн " + erasureId.substring(0, 8) + ".docx"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The access log's extract for the act: every service's entries about the person — staff's reads here, downloads
     * of scans, contract documents and attachments and register exports shipped from the other services' logs.
     */
    private List<AccessLog.Entry> extract(String applicationId, Erasure erasure) {
        return accessLog.findEverywhere(erasure.subject().keyName(applicationId, erasure.participantId()), 1000);
    }

    private Detail detail(String id) {
        return board.find(id).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldViolation(field, "обязательное поле; возможные: "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldViolation(field, "неизвестное значение; возможные: "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
