package ru.fioco.training.messaging.infra;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.messaging.policy.ReminderPolicy;
import ru.fioco.training.messaging.policy.UploadDigestPolicy;
import ru.fioco.training.platform.consuming.InboundGate;
import ru.fioco.training.platform.mongo.Lease;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.runtime.NodeIdentity;

/**
 * The service's clockwork: fires due reminders, queues the staff's daily digest of uploads and sends due mail on
 * one background thread. Each pass reads its work from MongoDB, so nothing is lost across restarts and nothing is
 * held in memory. The reminder and digest passes wait while a copy they read (application, programme, contract
 * facts) is being rebuilt. Of several replicas of the service one runs each pass at a time: the passes take a
 * {@link Lease} first (the mail pass renews it before each mail), so no mail is sent and no reminder fired twice
 * by two replicas; when the holder dies another takes over once its claim expires.
 */
@ApplicationScoped
public class PeriodicWork {

    private static final Logger LOG = Logger.getLogger(PeriodicWork.class);

    @Inject
    ReminderPolicy reminders;

    @Inject
    MailDispatcher mail;

    @Inject
    UploadDigestPolicy digest;

    @Inject
    InboundGate gate;

    @ConfigProperty(name = "messaging.reminders.period")
    Duration reminderPeriod;

    @ConfigProperty(name = "messaging.mail.period")
    Duration mailPeriod;

    @Inject
    ServiceDatabase database;

    /** Longer than a pass takes; the time another replica waits before taking over from a dead holder. */
    @ConfigProperty(name = "messaging.passes.lease", defaultValue = "PT2M")
    Duration lease;

    private ScheduledExecutorService executor;
    private Lease reminderLease;
    private Lease mailLease;

    /** After Axon (priority 10) has started. */
    void start(@Observes @Priority(20) StartupEvent event) {
        String holder = NodeIdentity.of("messaging-service");
        reminderLease = new Lease(database.collection(Lease.COLLECTION), "reminder-pass", holder, lease);
        mailLease = new Lease(database.collection(Lease.COLLECTION), "mail-pass", holder, lease);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "messaging-periodic-work");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> guarded("reminders", () -> {
            if (reminderLease.hold()) {
                gate.whileComplete(reminders::fireDueReminders);
                gate.whileComplete(digest::queueDigestIfDue);
            }
        }), 0, reminderPeriod.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded("mail", () -> {
            if (mailLease.hold()) {
                mail.sendDue(mailLease::hold);
            }
        }), 0, mailPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(5) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // another replica need not wait for the claims to expire
            guarded("lease release", () -> {
                reminderLease.release();
                mailLease.release();
            });
        }
    }

    /** A failing pass is logged and tried again next period; it must never stop the schedule. */
    private static void guarded(String what, Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "The %s pass failed; it runs again next period", what);
        }
    }
}
