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

/**
 * The service's clockwork: fires due reminders, queues the staff's daily digest of uploads and sends due mail on
 * one background thread. Each pass reads its work from MongoDB, so nothing is lost across restarts and nothing is
 * held in memory. The reminder and digest passes wait while a copy they read (application, programme, contract
 * facts) is being rebuilt.
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

    private ScheduledExecutorService executor;

    /** After Axon (priority 10) has started. */
    void start(@Observes @Priority(20) StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "messaging-periodic-work");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            guarded("reminders", () -> gate.whileComplete(reminders::fireDueReminders));
            guarded("upload digest", () -> gate.whileComplete(digest::queueDigestIfDue));
        },
                0, reminderPeriod.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded("mail", mail::sendDue),
                0, mailPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(5) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
