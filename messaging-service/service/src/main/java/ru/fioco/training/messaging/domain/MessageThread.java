package ru.fioco.training.messaging.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.modelling.command.CreationPolicy;

import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.messaging.domain.ThreadCommands.Acting;
import ru.fioco.training.messaging.domain.ThreadCommands.CloseThread;
import ru.fioco.training.messaging.domain.ThreadCommands.MarkRead;
import ru.fioco.training.messaging.domain.ThreadCommands.OpenThread;
import ru.fioco.training.messaging.domain.ThreadCommands.PostMessage;
import ru.fioco.training.messaging.domain.ThreadCommands.PostNotice;
import ru.fioco.training.messaging.domain.ThreadCommands.RecordNoticeMailed;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;

/**
 * The «вопросы/ответы» thread of one application (the glossary's {@code Thread}; named so as not to
 * shadow {@link java.lang.Thread}). Messages and notices are numbered in the thread; a notice is posted
 * once per cause, however often its cause is delivered; each side's read mark only moves forward.
 */
// snapshotted: raise the revision whenever the fields change (see platform Snapshots)
@Revision("1")
public class MessageThread {

    @AggregateIdentifier
    private String applicationId;
    private String organisationInn;
    private String applicantName;
    private String applicantEmail;
    private boolean closed;
    private long lastSequence;
    private final Set<String> causes = new HashSet<>();
    private final Set<String> messageIds = new HashSet<>();
    private final Set<String> attachments = new HashSet<>();
    private final Set<String> mailed = new HashSet<>();
    private final Map<Side, Long> readUpTo = new EnumMap<>(Side.class);

    /** Axon creates the aggregate through this constructor and rebuilds it from its events. */
    protected MessageThread() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenThread command) {
        if (applicationId == null) {
            apply(new ThreadOpened(command.applicationId(), command.applicationNumber(), command.organisationInn(),
                    command.organisationName(), command.programmeId(), command.applicantName(),
                    command.applicantEmail()));
        } else if (!Objects.equals(applicantEmail, command.applicantEmail())
                || !Objects.equals(applicantName, command.applicantName())) {
            apply(new ApplicantContactChanged(applicationId, command.applicantName(), command.applicantEmail()));
        }
    }

    @CommandHandler
    long handle(PostMessage command) {
        Acting acting = command.acting();
        requireParty(acting);
        if (closed) {
            throw new ConflictException("Переписка закрыта: заявка снята или выполнена");
        }
        if (messageIds.contains(command.messageId())) {
            throw new ConflictException("Сообщение с таким идентификатором уже отправлено");
        }
        List<String> reused = new ArrayList<>();
        for (int i = 0; i < command.attachments().size(); i++) {
            if (attachments.contains(command.attachments().get(i).attachmentId())) {
                reused.add("attachmentIds[" + i + "]");
            }
        }
        if (!reused.isEmpty()) {
            throw new InvalidInputException(reused.get(0), "файл уже приложен к другому сообщению");
        }
        long sequence = lastSequence + 1;
        apply(new MessagePosted(applicationId, command.messageId(), sequence, acting.side(), acting.subject(),
                command.text(), command.attachments(), command.postedAt()));
        return sequence;
    }

    @CommandHandler
    Long handle(PostNotice command) {
        if (causes.contains(command.cause())) {
            return null; // its cause came again: posted already
        }
        List<String> mailTo = new ArrayList<>();
        if (command.mail()) {
            if (command.audience().contains(Side.ORGANISATION) && applicantEmail != null) {
                mailTo.add(applicantEmail);
            }
            if (command.audience().contains(Side.INSTITUTE) && command.staffMailbox() != null
                    && !command.staffMailbox().isBlank()) {
                mailTo.add(command.staffMailbox());
            }
        }
        long sequence = lastSequence + 1;
        apply(new NoticePosted(applicationId, command.messageId(), sequence, command.kind(), command.audience(),
                command.parameters(), command.cause(), command.postedAt(), mailTo));
        return sequence;
    }

    @CommandHandler
    void handle(MarkRead command) {
        Acting acting = command.acting();
        requireParty(acting);
        long upTo = command.upToSequence() == null ? lastSequence : command.upToSequence();
        if (upTo < 0 || upTo > lastSequence) {
            throw new InvalidInputException("upToSequence", "в переписке нет сообщения № " + upTo
                    + " (последнее: " + lastSequence + ")");
        }
        if (upTo > readUpTo.getOrDefault(acting.side(), 0L)) {
            apply(new ThreadRead(applicationId, acting.side(), upTo, acting.subject(), command.readAt()));
        }
    }

    @CommandHandler
    void handle(CloseThread command) {
        if (!closed) {
            apply(new ThreadClosed(applicationId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordNoticeMailed command) {
        if (!mailed.contains(command.messageId() + "|" + command.to())) {
            apply(new NoticeMailed(applicationId, command.messageId(), command.to(), command.sentAt()));
        }
    }

    /** Staff, or a representative of the thread's organisation; anyone else learns nothing of it. */
    private void requireParty(Acting acting) {
        if (!acting.isStaff() && !acting.represents(organisationInn)) {
            throw new NotFoundException("Переписка по заявке не найдена");
        }
    }

    @EventSourcingHandler
    void on(ThreadOpened e) {
        applicationId = e.applicationId();
        organisationInn = e.organisationInn();
        applicantName = e.applicantName();
        applicantEmail = e.applicantEmail();
    }

    @EventSourcingHandler
    void on(ApplicantContactChanged e) {
        applicantName = e.applicantName();
        applicantEmail = e.applicantEmail();
    }

    @EventSourcingHandler
    void on(MessagePosted e) {
        lastSequence = e.sequence();
        messageIds.add(e.messageId());
        e.attachments().forEach(a -> attachments.add(a.attachmentId()));
    }

    @EventSourcingHandler
    void on(NoticePosted e) {
        lastSequence = e.sequence();
        causes.add(e.cause());
    }

    /** A notice stored before notices were data counts the same. */
    @EventSourcingHandler
    void on(SystemNoticePosted e) {
        lastSequence = e.sequence();
        causes.add(e.cause());
    }

    @EventSourcingHandler
    void on(ThreadRead e) {
        readUpTo.put(e.side(), e.upToSequence());
    }

    @EventSourcingHandler
    void on(ThreadClosed e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(NoticeMailed e) {
        mailed.add(e.messageId() + "|" + e.to());
    }
}
