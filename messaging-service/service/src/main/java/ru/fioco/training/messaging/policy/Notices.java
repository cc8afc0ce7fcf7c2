package ru.fioco.training.messaging.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.domain.ThreadCommands.CloseThread;
import ru.fioco.training.messaging.domain.ThreadCommands.PostNotice;

/**
 * Posts the notices the policies decide on, once per cause: a notice is keyed by what caused it (a CloudEvent's
 * id or a reminder's id), so the thread refuses a second one. A notice whose thread is not open yet is parked
 * and posted, in the order of its cause, when the thread opens.
 */
@ApplicationScoped
public class Notices {

    static final List<Side> ORGANISATION = List.of(Side.ORGANISATION);
    static final List<Side> INSTITUTE = List.of(Side.INSTITUTE);
    static final List<Side> BOTH = List.of(Side.ORGANISATION, Side.INSTITUTE);

    @Inject
    CommandGateway commands;

    @Inject
    EarlyNotices early;

    @Inject
    Clock clock;

    @ConfigProperty(name = "messaging.staff-mailbox")
    Optional<String> staffMailbox;

    /**
     * @param causedAt when the cause happened, to keep parked notices in order; null when unknown
     * @param mail     whether the notice needs action and is e-mailed to its audience
     */
    public void post(String cause, Instant causedAt, String applicationId, NoticeKind kind, List<Side> audience,
            boolean mail, NoticeParameters parameters) {
        PostNotice notice = new PostNotice(applicationId, messageId(cause), kind, audience, parameters, cause,
                clock.instant(), mail, staffMailbox.orElse(null));
        try {
            commands.sendAndWait(notice);
        } catch (AggregateNotFoundException notOpenYet) {
            early.park(notice, causedAt);
            // the thread may have opened meanwhile (another topic's consumer): try once more at once
            postParked(applicationId);
        }
    }

    /**
     * Posts a notice to a thread that must be open already (a reminder's):
     *
     * @throws AggregateNotFoundException when the application has no thread
     */
    public void postToOpenThread(String cause, String applicationId, NoticeKind kind, List<Side> audience,
            boolean mail, NoticeParameters parameters) {
        commands.sendAndWait(new PostNotice(applicationId, messageId(cause), kind, audience, parameters, cause,
                clock.instant(), mail, staffMailbox.orElse(null)));
    }

    /** Posts what was parked for the application, in order, as far as its thread is open. */
    public void postParked(String applicationId) {
        for (PostNotice notice : early.parked(applicationId)) {
            try {
                commands.sendAndWait(notice);
            } catch (AggregateNotFoundException stillNotOpen) {
                return;
            }
            early.posted(notice.cause());
        }
    }

    public void closeThread(String applicationId, String reason) {
        try {
            commands.sendAndWait(new CloseThread(applicationId, reason));
        } catch (AggregateNotFoundException neverOpened) {
            // a draft withdrawn before submission has no thread
        }
    }

    /** The same cause always names the same notice. */
    static String messageId(String cause) {
        return UUID.nameUUIDFromBytes(("notice|" + cause).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
