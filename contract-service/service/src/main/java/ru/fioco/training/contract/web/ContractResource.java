package ru.fioco.training.contract.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.domain.ContractCommands;
import ru.fioco.training.contract.domain.PersonalDocuments;
import ru.fioco.training.contract.domain.ContractCommands.Conclude;
import ru.fioco.training.contract.domain.ContractCommands.RecordPayment;
import ru.fioco.training.contract.domain.ContractCommands.ReviseDrafts;
import ru.fioco.training.contract.query.ContractBoard;
import ru.fioco.training.contract.query.ContractBoard.View;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.files.FileDownloads;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.OpenedFile;
import ru.fioco.training.platform.files.StoredFile;
import ru.fioco.training.platform.files.UploadPolicy;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * The contract of an application: drafts to download, conclusion, course access (the enrolment key only
 * for the organisation and staff), invoice and payments.
 */
@Path("/contracts/{applicationId}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ContractResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A payment order as staff enter it; the domain checks every field. */
    public record PaymentRequest(String paymentOrderNumber, LocalDate paidOn, BigDecimal amount) {
    }

    /** Why a draft is revised (e.g. a clause changed after the chat with the school). */
    public record RevisionRequest(String note) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    ContractBoard board;

    @Inject
    FileStore files;

    /** What an auditor reads in place of a person's name or a free text. */

    @Inject
    Caller caller;

    @Inject
    ContractUploads uploads;

    @Inject
    ObjectMapper json;

    @Inject
    AccessLog accessLog;

    @Inject
    PersonalDocuments documents;

    @GET
    public Object get(@PathParam("applicationId") String applicationId) {
        View view = contract(applicationId);
        if (caller.isAuditor() && !caller.isStaff()) {
            return AuditorView.of(json, view, AUDITOR_SEES);
        }
        return view;
    }

    /**
     * What an auditor reads of a contract: its course, money, documents, dates and counts, by id. Not the enrolment
     * key, not the people (participants' and certificate holders' names, tutors), not the free texts people wrote
     * (notes on drafts, requested changes, the reason of an ending, the access instructions), not the scans' names.
     */
    static final Set<String> AUDITOR_SEES = Set.of("applicationId", "applicationNumber", "organisationInn",
            "paymentTerms", "totalAmount", "status", "statusLabel", "payment", "drafts[].version",
            "drafts[].contractDocumentId", "drafts[].consentDocumentId", "drafts[].uploaded", "concludedOn",
            "agreedVersion", "countersigned.documentId", "access.courseUrl", "invoice.number", "invoice.amount",
            "invoice.issuedOn", "invoice.documentId", "invoice.dueDate", "invoice.dueProvisional",
            "payments[].paymentOrderNumber", "payments[].paidOn", "payments[].amount", "paid", "fullyPaid",
            "act.number", "act.issuedOn", "act.documentId", "originalsDueDate", "originalsDueProvisional",
            "originalsReceivedOn", "originals[].receivedOn", "originals[].actCopies", "originals[].contractCopies",
            "originals[].trackingNumber", "originalActCopies", "originalContractCopies", "ending.on",
            "ending.amountOwed", "results.*", "certificates[].participantId", "certificates[].registrationNumber",
            "certificates[].issuedOn", "certificates[].blankSeries", "certificates[].blankNumber",
            "shipments[].trackingNumber", "shipments[].withCertificates", "shipments[].items[]",
            "participants[].participantId", "participants[].subject", "programmeId", "programmeTitle",
            "programmeConflict", "hours", "programmeStart", "programmeEnd", "documentIds[]");

    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response revise(@PathParam("applicationId") String applicationId, RevisionRequest request) {
        contract(applicationId);
        commands.sendAndWait(new ReviseDrafts(applicationId, request == null ? null : request.note()),
                caller.commandMetaData());
        return Response.accepted().build();
    }

    /** What the organisation asks to change in a draft version. */
    public record ChangeRequest(Integer version, String comment) {
    }

    /** The organisation asks for changes to a draft version (the negotiation of l.328). */
    @POST
    @Path("/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Response requestChanges(@PathParam("applicationId") String applicationId, ChangeRequest request) {
        contract(applicationId);
        ChangeRequest r = request == null ? new ChangeRequest(null, null) : request;
        commands.sendAndWait(new ContractCommands.RequestChanges(applicationId, r.version(), r.comment()),
                caller.commandMetaData());
        return Response.accepted().build();
    }

    /**
     * Staff upload an edited contract as the next draft version: the body is the DOCX (checked by content and opened
     * as a Word document), {@code name} its file name, {@code note} what changed.
     */
    @POST
    @Path("/drafts/file")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.STAFF)
    public Response uploadDraft(@PathParam("applicationId") String applicationId, @QueryParam("name") String name,
            @QueryParam("note") String note, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        View view = contract(applicationId);
        StoredFile stored = uploads.draft(applicationId, body, name, contentType, personalValues(view));
        return stored(stored, () -> commands.sendAndWait(new ContractCommands.UploadDraft(applicationId,
                stored.fileId(), note), caller.commandMetaData()));
    }

    /** Staff upload the scan of the contract signed by both sides (PDF, JPEG or PNG, checked by content). */
    @POST
    @Path("/countersigned")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.STAFF)
    public Response countersigned(@PathParam("applicationId") String applicationId, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        contract(applicationId);
        StoredFile stored = uploads.scan(applicationId, body, name, contentType);
        return stored(stored, () -> commands.sendAndWait(new ContractCommands.Countersign(applicationId, stored.fileId(),
                stored.fileName()), caller.commandMetaData()));
    }

    /** The command that files a stored upload; refused, nothing of the bytes is kept. */
    private Response stored(StoredFile stored, Runnable file) {
        try {
            file.run();
        } catch (RuntimeException failed) {
            files.discardIfRefused(stored.fileId(), failed);
            throw failed;
        }
        return Response.status(201).entity(Map.of("documentId", stored.fileId(), "fileName", stored.fileName(),
                "size", stored.size())).build();
    }

    @POST
    @Path("/conclusion")
    @RolesAllowed(Roles.STAFF)
    public Response conclude(@PathParam("applicationId") String applicationId) {
        contract(applicationId);
        commands.sendAndWait(new Conclude(applicationId), caller.commandMetaData());
        return Response.accepted().build();
    }

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response pay(@PathParam("applicationId") String applicationId, PaymentRequest request) {
        contract(applicationId);
        PaymentRequest r = request == null ? new PaymentRequest(null, null, null) : request;
        commands.sendAndWait(new RecordPayment(applicationId, r.paymentOrderNumber(), r.paidOn(), r.amount()),
                caller.commandMetaData());
        return Response.accepted().build();
    }

    @POST
    @Path("/act")
    @RolesAllowed(Roles.STAFF)
    public Response act(@PathParam("applicationId") String applicationId) {
        contract(applicationId);
        commands.sendAndWait(new ContractCommands.IssueAct(applicationId), caller.commandMetaData());
        return Response.accepted().build();
    }

    /**
     * Paper originals arrived: {@code receivedOn} defaults to today; copies of the act and of the contract in this
     * envelope (both absent: the whole set, two of each); the school's tracking number if they gave one.
     */
    public record OriginalsRequest(LocalDate receivedOn, Integer actCopies, Integer contractCopies,
            String trackingNumber) {
    }

    /** «Расторжение»: from which day, why, and what the school owes for the services already given. */
    public record TerminationRequest(LocalDate terminatedOn, String reason, BigDecimal amountOwed) {
    }

    @POST
    @Path("/originals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response originals(@PathParam("applicationId") String applicationId, OriginalsRequest request) {
        contract(applicationId);
        OriginalsRequest r = request == null ? new OriginalsRequest(null, null, null, null) : request;
        commands.sendAndWait(new ContractCommands.RecordOriginals(applicationId, r.receivedOn(), r.actCopies(),
                r.contractCopies(), r.trackingNumber()), caller.commandMetaData());
        return Response.accepted().build();
    }

    @POST
    @Path("/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response terminate(@PathParam("applicationId") String applicationId, TerminationRequest request) {
        contract(applicationId);
        TerminationRequest r = request == null ? new TerminationRequest(null, null, null) : request;
        commands.sendAndWait(new ContractCommands.TerminateContract(applicationId, r.terminatedOn(), r.reason(),
                r.amountOwed()), caller.commandMetaData());
        return Response.accepted().build();
    }

    /** Results as JSON: {@code {"p1": true, "p2": false}}. */
    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response results(@PathParam("applicationId") String applicationId, Map<String, Boolean> results) {
        contract(applicationId);
        commands.sendAndWait(new ContractCommands.RecordResults(applicationId, results), caller.commandMetaData());
        return Response.accepted().build();
    }

    /** Results as CSV (header {@code participantId;passed}); every bad row is named, and then nothing is recorded. */
    @POST
    @Path("/results")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.STAFF)
    public Response resultsCsv(@PathParam("applicationId") String applicationId, String csv) {
        contract(applicationId);
        commands.sendAndWait(new ContractCommands.RecordResults(applicationId, ResultsCsv.parse(csv)), caller.commandMetaData());
        return Response.accepted().build();
    }

    @POST
    @Path("/certificates")
    @RolesAllowed(Roles.STAFF)
    public Response certificates(@PathParam("applicationId") String applicationId) {
        contract(applicationId);
        commands.sendAndWait(new ContractCommands.IssueCertificates(applicationId), caller.commandMetaData());
        return Response.accepted().build();
    }

    /** Certificates printed on blanks: the blanks' series and the first blank's number. */
    public record BlanksRequest(String blankSeries, Long firstBlankNumber) {
    }

    @POST
    @Path("/certificates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response certificatesOnBlanks(@PathParam("applicationId") String applicationId, BlanksRequest request) {
        contract(applicationId);
        BlanksRequest r = request == null ? new BlanksRequest(null, null) : request;
        commands.sendAndWait(new ContractCommands.IssueCertificates(applicationId, r.blankSeries(), r.firstBlankNumber()),
                caller.commandMetaData());
        return Response.accepted().build();
    }

    /** The postal tracking number of the originals' package. */
    public record ShipmentRequest(String trackingNumber) {
    }

    @POST
    @Path("/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response ship(@PathParam("applicationId") String applicationId, ShipmentRequest request) {
        contract(applicationId);
        commands.sendAndWait(new ContractCommands.Ship(applicationId, request == null ? null : request.trackingNumber()),
                caller.commandMetaData());
        return Response.accepted().build();
    }

    /** A document of this contract (draft, consent, invoice, act, the countersigned scan) for the organisation and staff. */
    @GET
    @Path("/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response document(@PathParam("applicationId") String applicationId, @PathParam("documentId") String documentId) {
        View view = contract(applicationId);
        if (!view.documentIds.contains(documentId)) {
            throw new NotFoundException("Документ не найден");
        }
        try (OpenedFile file = files.open(documentId)) {
            String type = file.contentType();
            if (type != null && (type.startsWith("image/") || UploadPolicy.PDF.equals(type))) {
                Response scan = FileDownloads.attachment(files, new StoredFile(documentId, file.size(), null, type,
                        file.fileName()));
                accessLog.viewed(AccessLog.Kind.CONTRACT_DOCUMENT_DOWNLOADED, applicationId,
                        List.of("application:" + applicationId), documentId);
                return scan;
            }
            // generated documents and edited drafts are DOCX (an upload's zip type says no more), with names sealed
            byte[] docx = documents.opened(file.content());
            // a contract's document names its participants and the organisation's signatory
            List<String> named = new ArrayList<>(view.participants.stream().map(p -> "participant:" + p.participantId())
                    .toList());
            named.add("signatory:" + applicationId);
            accessLog.viewed(AccessLog.Kind.CONTRACT_DOCUMENT_DOWNLOADED, applicationId, named, documentId);
            return FileDownloads.attachment(docx, DOCX, file.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The persons' names a contract's documents may hold in the clear, to their keys. */
    private static Map<String, String> personalValues(View view) {
        Map<String, String> values = new HashMap<>();
        for (ContractTerms.Participant p : view.participants) {
            String subject = "participant:" + p.participantId();
            values.put(p.listedName(), subject);
            values.put(p.personName(), subject);
        }
        return values;
    }

    private View contract(String applicationId) {
        View view = board.find(applicationId).orElseThrow(() -> new NotFoundException("Договор не найден"));
        caller.requireSight(view.organisationInn, "Договор");
        return view;
    }

}
