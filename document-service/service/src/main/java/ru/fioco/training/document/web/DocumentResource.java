package ru.fioco.training.document.web;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.domain.DocumentCommands;
import ru.fioco.training.document.domain.DocumentCommands.Acting;
import ru.fioco.training.document.domain.DocumentCommands.RecordDownload;
import ru.fioco.training.document.domain.DocumentCommands.ReviewDocument;
import ru.fioco.training.document.domain.DocumentCommands.UploadDocument;
import ru.fioco.training.document.query.DocumentCabinet;
import ru.fioco.training.document.query.DocumentCabinet.FileView;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.files.FileDownloads;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.SafeFileName;
import ru.fioco.training.platform.files.StoredFile;
import ru.fioco.training.platform.files.UploadPolicy;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * An application's documents: representatives upload (multipart field {@code file}, pdf/jpeg/png by
 * content, at most 1 MB); staff accept or reject; the cabinet shows ✔ / ✘ / ! per slot; downloads are
 * for the organisation and staff only, and each is recorded.
 */
@Path("/applications/{applicationId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DocumentResource {

    /** The answer to an upload: the new version's metadata. */
    public record Uploaded(String documentId, int version, long size, String sha256, String contentType,
            String fileName) {
    }

    /** A verdict on a slot's current version. */
    public record Verdict(Integer version, Boolean accepted, String reason) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    DocumentCabinet cabinet;

    @Inject
    FileStore files;

    @Inject
    AccessLog accessLog;

    @Inject
    Caller caller;

    /** The cabinet view; auditors get it without file names (they are personal data). */
    /**
     * What an auditor reads of the documents: which slots are filled, accepted or rejected, each version by id, size,
     * type and hash; not whose scan it is by name, not the files' names, not who uploaded, not a rejection's reason.
     */
    static final Set<String> AUDITOR_SEES = Set.of("applicationId", "organisationInn", "closed", "participantsFixed",
            "participants[].participantId", "participants[].slots[].slot", "participants[].slots[].title",
            "participants[].slots[].required", "participants[].slots[].indicator", "participants[].slots[].mark",
            "participants[].slots[].versions[].version", "participants[].slots[].versions[].documentId",
            "participants[].slots[].versions[].size", "participants[].slots[].versions[].sha256",
            "participants[].slots[].versions[].contentType", "participants[].slots[].versions[].uploadedAt",
            "applicationSlots[].slot", "applicationSlots[].title", "applicationSlots[].required",
            "applicationSlots[].indicator", "applicationSlots[].mark", "applicationSlots[].versions[].version",
            "applicationSlots[].versions[].documentId", "applicationSlots[].versions[].size",
            "applicationSlots[].versions[].sha256", "applicationSlots[].versions[].contentType",
            "applicationSlots[].versions[].uploadedAt");

    @Inject
    ObjectMapper json;

    @GET
    public Object view(@PathParam("applicationId") String applicationId) {
        FileView view = file(applicationId);
        if (caller.isAuditor() && !caller.isStaff()) {
            return AuditorView.of(json, new FileView(view.applicationId(), view.organisationInn(), view.closed(),
                    view.participantsFixed(), view.participants(), view.applicationSlots(), List.of()), AUDITOR_SEES);
        }
        return caller.isStaff() ? view : new FileView(view.applicationId(), view.organisationInn(), view.closed(),
                view.participantsFixed(), view.participants(), view.applicationSlots(), List.of());
    }

    /**
     * Uploads a version of one of the application's own documents (signed contract, consent, act, payment order):
     * the file's bytes are the request body (any content type; the type is decided by the content), its name in
     * {@code name}.
     */
    @POST
    @Path("/{slot}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response uploadApplicationDocument(@PathParam("applicationId") String applicationId,
            @PathParam("slot") String slot, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return upload(applicationId, null, slot(slot, false), name, contentType, body);
    }

    /** Uploads a version of a participant's document, as {@link #uploadApplicationDocument} does. */
    @POST
    @Path("/participants/{participantId}/{slot}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response uploadParticipantDocument(@PathParam("applicationId") String applicationId,
            @PathParam("participantId") String participantId, @PathParam("slot") String slot,
            @QueryParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return upload(applicationId, participantId, slot(slot, true), name, contentType, body);
    }

    @PUT
    @Path("/{slot}/verdict")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response reviewApplicationDocument(@PathParam("applicationId") String applicationId,
            @PathParam("slot") String slot, Verdict verdict) {
        return review(applicationId, null, slot(slot, false), verdict);
    }

    @PUT
    @Path("/participants/{participantId}/{slot}/verdict")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response reviewParticipantDocument(@PathParam("applicationId") String applicationId,
            @PathParam("participantId") String participantId, @PathParam("slot") String slot, Verdict verdict) {
        return review(applicationId, participantId, slot(slot, true), verdict);
    }

    /** The bytes of one version, for the organisation and staff; every download is recorded. */
    @GET
    @Path("/files/{documentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response download(@PathParam("applicationId") String applicationId, @PathParam("documentId") String documentId) {
        // the document file answers who may read it and what the file is: no read model, so no lag after an upload
        DocumentCommands.Downloaded downloaded = commands.sendAndWait(new RecordDownload(applicationId, documentId,
                acting()), caller.commandMetaData());
        Response answer = FileDownloads.attachment(files, downloaded.file());
        accessLog.viewed(AccessLog.Kind.SCAN_DOWNLOADED, applicationId, List.of(downloaded.participantId() == null
                ? "application:" + applicationId : "participant:" + downloaded.participantId()), documentId);
        return answer;
    }

    /** More downloads than a person reads in one list; the record itself has no limit. */
    static final int MAX_DOWNLOADS = 10_000;

    /** Who downloaded which version when: staff only. */
    @GET
    @Path("/downloads")
    @RolesAllowed(Roles.STAFF)
    public List<DocumentCabinet.Download> downloads(@PathParam("applicationId") String applicationId) {
        file(applicationId); // the caller's sight of the file
        return cabinet.downloads(applicationId, MAX_DOWNLOADS);
    }

    /**
     * Streams the body into storage (type by content, at most 1 MB, counted while it streams), then files it in the
     * document file, which decides whether the caller may; refused there, nothing of the bytes is kept.
     */
    private Response upload(String applicationId, String participantId, DocumentSlot slot, String name,
            String contentType, InputStream body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidInputException("file", "передайте файл телом запроса, а его имя — параметром name");
        }
        SafeFileName.problem(name).ifPresent(problem -> {
            throw new InvalidInputException("name", problem);
        });
        // a participant's scan is theirs (erasing them destroys it); the application's own scans are the application's
        String subject = participantId == null ? "application:" + applicationId : "participant:" + participantId;
        StoredFile stored = files.store(body, name, UploadPolicy.PERSONAL_DOCUMENT, "file", subject);
        int version;
        try {
            version = commands.sendAndWait(new UploadDocument(applicationId, participantId, slot, stored, acting()),
                    caller.commandMetaData());
        } catch (RuntimeException e) {
            files.discardIfRefused(stored.fileId(), e); // refused by the file's rules: keep nothing of it
            throw e;
        }
        return Response.status(201).entity(new Uploaded(stored.fileId(), version, stored.size(), stored.sha256(),
                stored.contentType(), stored.fileName())).build();
    }

    private Response review(String applicationId, String participantId, DocumentSlot slot, Verdict verdict) {
        file(applicationId);
        if (verdict == null || verdict.version() == null || verdict.accepted() == null) {
            throw new InvalidInputException(List.of(
                    new FieldViolation("version", "укажите проверяемую версию"),
                    new FieldViolation("accepted", "true (принять) или false (отклонить)")));
        }
        commands.sendAndWait(new ReviewDocument(applicationId, participantId, slot, verdict.version(), verdict.accepted(),
                verdict.reason(), acting()), caller.commandMetaData());
        return Response.noContent().build();
    }

    private FileView file(String applicationId) {
        FileView view = cabinet.find(applicationId).orElseThrow(() -> new NotFoundException("Заявка не найдена"));
        caller.requireSight(view.organisationInn(), "Заявка");
        return view;
    }

    private Acting acting() {
        return new Acting(caller.subject(), caller.role(), caller.organisationInn().orElse(null));
    }

    private static DocumentSlot slot(String raw, boolean perParticipant) {
        try {
            DocumentSlot slot = DocumentSlot.valueOf(raw.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (slot.perParticipant() == perParticipant) {
                return slot;
            }
        } catch (IllegalArgumentException e) {
            // falls through to not found
        }
        throw new NotFoundException("Такого слота нет: " + raw);
    }
}
