package ru.fioco.training.messaging.web;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.domain.AttachmentRules;
import ru.fioco.training.messaging.domain.MessageRules;
import ru.fioco.training.messaging.domain.ReminderBook;
import ru.fioco.training.messaging.domain.ThreadCommands.Acting;
import ru.fioco.training.messaging.domain.ThreadCommands.MarkRead;
import ru.fioco.training.messaging.domain.ThreadCommands.PostMessage;
import ru.fioco.training.messaging.query.AttachmentShelf;
import ru.fioco.training.messaging.query.NoticeTexts;
import ru.fioco.training.messaging.query.ThreadBoard;
import ru.fioco.training.messaging.query.ThreadBoard.ThreadSummary;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.files.FileDownloads;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.FileTooLargeException;
import ru.fioco.training.platform.files.StoredFile;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * The «вопросы/ответы» thread of an application: the list with unread counters, the messages and notices,
 * posting, read marks, and attachments (uploaded first as the raw request body, up to 40 MB, then attached
 * to a message by id). Representatives see their organisation's threads only; staff see all; auditors see
 * the threads' shape without their texts and cannot download or write.
 */
@Path("/threads")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ThreadResource {

    /** A thread in the cabinet list; {@code unread} is the asking side's «N непрочитанных». */
    public record ThreadListItem(String applicationId, String applicationNumber, String organisationInn,
            String organisationName, boolean closed, long messages, long unread, Instant lastMessageAt) {
    }

    public record ThreadView(String applicationId, String applicationNumber, String organisationInn,
            String organisationName, boolean closed, long unread, List<Entry> entries) {
    }

    /**
     * A message or a notice as the reader reads it; a notice's {@code title} and {@code text} are rendered from its
     * kind's template, without what the reader may not see.
     */
    public record Entry(String messageId, long sequence, String type, Side side, String authorId, String text,
            List<ThreadBoard.Attachment> attachments, NoticeKind kind, String title, List<Side> audience,
            Instant postedAt, List<String> mailedTo) {
    }

    public record NewMessage(String text, List<String> attachmentIds) {
    }

    public record Posted(String messageId, long sequence) {
    }

    public record ReadMark(Long upToSequence) {
    }

    public record Uploaded(String attachmentId, String fileName, String contentType, long size, String sha256) {
    }

    static final String HIDDEN = "скрыто";

    @Inject
    CommandGateway commands;

    @Inject
    ThreadBoard board;

    @Inject
    NoticeTexts texts;

    @Inject
    AttachmentShelf shelf;

    @Inject
    FileStore files;

    @Inject
    AccessLog accessLog;

    @Inject
    ObjectMapper json;

    @Inject
    ReminderBook reminders;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The caller's threads; {@code unread=true}: only those with something unread for the caller's side. */
    @GET
    public List<ThreadListItem> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldViolation> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldViolation("page", "номер страницы не может быть отрицательным"));
        }
        if (size < 1 || size > 200) {
            problems.add(new FieldViolation("size", "от 1 до 200"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String organisation = caller.isStaff() || caller.isAuditor() ? null
                : caller.organisationInn().orElseThrow(() -> new AccessDeniedException("В токене нет организации"));
        Side side = side();
        return board.threads(organisation, unreadOnly ? side : null, page * size, size).stream()
                .map(t -> new ThreadListItem(t.applicationId(), t.applicationNumber(), t.organisationInn(),
                        t.organisationName(), t.closed(), t.messages(), unread(t, side), t.lastMessageAt()))
                .toList();
    }

    /** The thread's messages and notices after {@code after}, in thread order. */
    @GET
    @Path("/{applicationId}")
    public Object view(@PathParam("applicationId") String applicationId,
            @QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("500") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "от 1 до 1000");
        }
        ThreadSummary thread = thread(applicationId);
        boolean masked = caller.isAuditor() && !caller.isStaff();
        List<Entry> entries = board.entries(applicationId, Math.max(0, after), limit).stream()
                .map(e -> entry(e, masked)).toList();
        ThreadView view = new ThreadView(thread.applicationId(), thread.applicationNumber(), thread.organisationInn(),
                thread.organisationName(), thread.closed(), unread(thread, side()), entries);
        return masked ? AuditorView.of(json, view, AUDITOR_SEES) : view;
    }

    /**
     * What an auditor reads of a thread: who (which side) wrote when, the notices as the masked templates render them,
     * the attachments by id, type, size and hash; not the messages' texts, the authors, the files' names, the addresses.
     */
    static final Set<String> AUDITOR_SEES = Set.of("applicationId", "applicationNumber", "organisationInn",
            "organisationName", "closed", "unread", "entries[].messageId", "entries[].sequence", "entries[].type",
            "entries[].side", "entries[].attachments[].attachmentId", "entries[].attachments[].contentType",
            "entries[].attachments[].size", "entries[].attachments[].sha256", "entries[].kind", "entries[].title",
            "entries[].text", "entries[].audience[]", "entries[].postedAt");

    @POST
    @Path("/{applicationId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response post(@PathParam("applicationId") String applicationId, NewMessage message) {
        ThreadSummary thread = writable(applicationId);
        if (message == null) {
            throw new InvalidInputException("text", "пустой запрос: нужен JSON с полем text");
        }
        List<String> ids = message.attachmentIds() == null ? List.of() : message.attachmentIds();
        List<FieldViolation> problems = new ArrayList<>(MessageRules.check(message.text(), ids));
        List<MessagePosted.Attachment> attachments = new ArrayList<>();
        Side side = side();
        for (int i = 0; i < ids.size() && problems.isEmpty(); i++) {
            String field = "attachmentIds[" + i + "]";
            AttachmentShelf.Shelved shelved = shelf.find(ids.get(i)).orElse(null);
            if (shelved == null || !shelved.applicationId().equals(thread.applicationId()) || shelved.side() != side) {
                problems.add(new FieldViolation(field, "неизвестный файл: загрузите его в эту переписку"));
            } else {
                StoredFile f = shelved.file();
                attachments.add(new MessagePosted.Attachment(f.fileId(), f.fileName(), f.contentType(), f.size(), f.sha256()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String messageId = UUID.randomUUID().toString();
        String text = message.text() == null ? "" : message.text().strip();
        long sequence = commands.sendAndWait(new PostMessage(applicationId, messageId, acting(), text, attachments,
                clock.instant()), caller.commandMetaData());
        return Response.status(201).entity(new Posted(messageId, sequence)).build();
    }

    /** Marks the thread read for the caller's side, up to a message or (no body) up to the last one. */
    @POST
    @Path("/{applicationId}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response markRead(@PathParam("applicationId") String applicationId, ReadMark mark) {
        thread(applicationId);
        commands.sendAndWait(new MarkRead(applicationId, acting(), mark == null ? null : mark.upToSequence(),
                clock.instant()), caller.commandMetaData());
        return Response.noContent().build();
    }

    /**
     * Uploads one attachment as the request body (any content type), its name in {@code name}. Streamed to
     * storage, never held whole; refused at once when {@code Content-Length} announces more than 40 MB, and
     * the moment the 40 MB are passed when it does not.
     */
    @POST
    @Path("/{applicationId}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response upload(@PathParam("applicationId") String applicationId, @QueryParam("name") String name,
            @HeaderParam("Content-Length") Long contentLength, @Context RoutingContext http, InputStream body) {
        ThreadSummary thread = writable(applicationId);
        AttachmentRules.nameProblem(name).ifPresent(problem -> {
            throw new InvalidInputException("name", problem);
        });
        StoredFile stored;
        try {
            if (contentLength != null && contentLength > AttachmentRules.MAX_BYTES) {
                throw new FileTooLargeException(AttachmentRules.MAX_BYTES);
            }
            // what people attach to a thread is personal data until proven otherwise: sealed with the application's key
            stored = files.store(body, name, AttachmentRules.POLICY, "file", "application:" + applicationId);
        } catch (FileTooLargeException e) {
            // answer, then close the connection: otherwise the server would read the rest of the body only to drop it
            http.addEndHandler(done -> http.request().connection().close());
            throw e;
        }
        shelf.put(stored, thread.applicationId(), side(), caller.subject(), clock.instant());
        return Response.status(201).entity(new Uploaded(stored.fileId(), stored.fileName(), stored.contentType(),
                stored.size(), stored.sha256())).build();
    }

    /** An attachment, as a download: only the thread's organisation and staff; another side's file once it is posted. */
    @GET
    @Path("/{applicationId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.STAFF})
    public Response download(@PathParam("applicationId") String applicationId,
            @PathParam("attachmentId") String attachmentId) {
        thread(applicationId);
        AttachmentShelf.Shelved shelved = shelf.find(attachmentId)
                .filter(s -> s.applicationId().equals(applicationId))
                .filter(s -> s.side() == side() || board.attachmentPosted(applicationId, attachmentId))
                .orElseThrow(() -> new NotFoundException("Файл не найден"));
        Response answer = FileDownloads.attachment(files, shelved.file());
        accessLog.viewed(AccessLog.Kind.ATTACHMENT_DOWNLOADED, applicationId, List.of("application:" + applicationId),
                attachmentId);
        return answer;
    }

    /** The thread's reminders and where they stand: staff only. */
    @GET
    @Path("/{applicationId}/reminders")
    @RolesAllowed(Roles.STAFF)
    public List<ReminderBook.Entry> reminders(@PathParam("applicationId") String applicationId) {
        thread(applicationId);
        return reminders.of(applicationId);
    }

    // ---------------------------------------------------------------- helpers

    private ThreadSummary thread(String applicationId) {
        ThreadSummary thread = board.thread(applicationId)
                .orElseThrow(() -> new NotFoundException("Переписка по заявке не найдена"));
        caller.requireSight(thread.organisationInn(), "Переписка по заявке");
        return thread;
    }

    private ThreadSummary writable(String applicationId) {
        ThreadSummary thread = board.thread(applicationId)
                .orElseThrow(() -> new NotFoundException("Переписка по заявке не найдена"));
        caller.requireWrite(thread.organisationInn(), "Переписка по заявке");
        if (thread.closed()) {
            throw new ConflictException("Переписка закрыта: заявка снята или выполнена");
        }
        return thread;
    }

    private Side side() {
        return caller.isStaff() ? Side.INSTITUTE : Side.ORGANISATION;
    }

    private Acting acting() {
        return new Acting(caller.subject(), caller.role(), caller.organisationInn().orElse(null));
    }

    private static long unread(ThreadSummary t, Side side) {
        return side == Side.INSTITUTE ? t.unreadForInstitute() : t.unreadForOrganisation();
    }

    /** For auditors: who wrote when, how much and what kind of notice, but no text and no file names. */
    /**
     * An auditor sees the thread's shape: people's texts, file names and addresses are hidden, and a notice is
     * rendered with its personal and confidential parameters hidden (a notice stored before notices were data
     * shows only its title).
     */
    private Entry entry(ThreadBoard.Entry e, boolean masked) {
        String title = e.title();
        String text = e.text();
        if (e.parameters() != null) {
            NoticeTexts.Rendered notice = texts.render(e.kind(), e.parameters(), masked);
            title = notice.title();
            text = notice.text();
        } else if (masked && text != null) {
            text = HIDDEN;
        }
        // an auditor sees which side wrote, not who (an author's id is their login: personal data)
        return new Entry(e.messageId(), e.sequence(), e.type(), e.side(), masked ? null : e.authorId(), text,
                masked ? e.attachments().stream().map(a -> new ThreadBoard.Attachment(a.attachmentId(), HIDDEN,
                        a.contentType(), a.size(), a.sha256())).toList() : e.attachments(),
                e.kind(), title, e.audience(), e.postedAt(),
                masked ? e.mailedTo().stream().map(m -> HIDDEN).toList() : e.mailedTo());
    }
}
