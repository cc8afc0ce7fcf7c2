package ru.fioco.training.application.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.application.api.PersonalDataErased.ErasureBasis;
import ru.fioco.training.application.api.PersonalDataErased.ErasureSubject;
import ru.fioco.training.application.domain.ApplicationCommands.Acting;
import ru.fioco.training.application.domain.ApplicationCommands.ErasePersonalData;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ApplicationBoard.Remaining;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.Refusals;
import ru.fioco.training.platform.mongo.Lease;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.runtime.NodeIdentity;

/**
 * Retention periods running by themselves (152-FZ art. 5 part 7, art. 21 parts 4 and 5): once an application has
 * ended, a participant whose consent was withdrawn loses their data at the next pass, and when the application's
 * retention period is over every person in it does (participants, the contact person, the signatory, the
 * application's own files and free texts). Each destruction is an ordinary erasure by {@value #ERASED_BY}, with its act;
 * one replica runs the pass at a time (a lease), and an erasure is named by its key, so a pass repeated after a crash
 * destroys nothing twice.
 */
@ApplicationScoped
public class RetentionPolicy {

    /** Who the erasures of this pass name as having destroyed the data. */
    public static final String ERASED_BY = "retention";
    private static final Logger LOG = Logger.getLogger(RetentionPolicy.class);

    /** What was destroyed in one pass. */
    public record Destroyed(String applicationId, ErasureSubject subject, String participantId, ErasureBasis basis) {
    }

    @ConfigProperty(name = "training.retention.completed-applications", defaultValue = "P5Y")
    Period completed;

    @ConfigProperty(name = "training.retention.withdrawn-applications", defaultValue = "P30D")
    Period withdrawn;

    @ConfigProperty(name = "training.retention.pass-period", defaultValue = "PT1H")
    Duration passPeriod;

    @ConfigProperty(name = "training.retention.lease", defaultValue = "PT5M")
    Duration lease;

    @Inject
    ApplicationBoard board;

    @Inject
    CommandGateway commands;

    @Inject
    Clock clock;

    @Inject
    ServiceDatabase database;

    private ScheduledExecutorService executor;
    private Lease claim;

    /** How long a completed application keeps its people's data. */
    public Period completedApplications() {
        return completed;
    }

    /** How long a withdrawn application keeps its people's data. */
    public Period withdrawnApplications() {
        return withdrawn;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        claim = new Lease(database.collection(Lease.COLLECTION), "retention-pass", NodeIdentity.of("application-service"),
                lease);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-pass");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "The retention pass failed; it runs again in %s", passPeriod);
            }
        }, passPeriod.toMillis(), passPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(5) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
            claim.release();
        }
    }

    /** One pass: destroys what is due now and says what it destroyed (nothing when another replica holds the pass). */
    public List<Destroyed> run() {
        return run(Optional.empty());
    }

    /** A pass over every ended application, or over the one named (staff checking one application now). */
    public synchronized List<Destroyed> run(Optional<String> applicationId) {
        if (!claim.hold()) {
            return List.of();
        }
        LocalDate today = ProductionCalendar.today(clock);
        Instant completedBefore = startOf(today.minus(completed));
        Instant withdrawnBefore = startOf(today.minus(withdrawn));
        Instant earliest = completedBefore.isAfter(withdrawnBefore) ? completedBefore : withdrawnBefore;
        List<Destroyed> destroyed = new ArrayList<>();
        for (Remaining r : board.endedWithDataLeft(earliest, applicationId)) {
            Instant before = ApplicationStatus.COMPLETED.name().equals(r.status()) ? completedBefore : withdrawnBefore;
            if (r.endedAt() != null && r.endedAt().isBefore(before)) {
                r.participantIds().forEach(p -> erase(r, ErasureSubject.PARTICIPANT, p, ErasureBasis.RETENTION_EXPIRED,
                        destroyed));
                if (r.applicant()) {
                    erase(r, ErasureSubject.APPLICANT, null, ErasureBasis.RETENTION_EXPIRED, destroyed);
                }
                if (r.signatory()) {
                    erase(r, ErasureSubject.SIGNATORY, null, ErasureBasis.RETENTION_EXPIRED, destroyed);
                }
                if (r.application()) {
                    erase(r, ErasureSubject.APPLICATION, null, ErasureBasis.RETENTION_EXPIRED, destroyed);
                }
            } else {
                r.withdrawnConsents().forEach(p -> erase(r, ErasureSubject.PARTICIPANT, p,
                        ErasureBasis.CONSENT_WITHDRAWN, destroyed));
            }
            claim.hold(); // renewed for each application: a long pass keeps its claim
        }
        if (!destroyed.isEmpty()) {
            LOG.infof("The retention pass destroyed the personal data of %d subjects", destroyed.size());
        }
        return destroyed;
    }

    private void erase(Remaining r, ErasureSubject subject, String participantId, ErasureBasis basis,
            List<Destroyed> destroyed) {
        // named by the key it destroys: the same erasure tried twice is one erasure
        String erasureId = UUID.nameUUIDFromBytes(("retention|" + subject.keyName(r.applicationId(), participantId))
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            commands.sendAndWait(new ErasePersonalData(r.applicationId(), erasureId, Acting.staff(), ERASED_BY, subject,
                    participantId, basis), MetaData.from(Map.of(EventStoreSetup.ACTOR, ERASED_BY,
                    EventStoreSetup.ACTOR_ROLE, "staff")));
            destroyed.add(new Destroyed(r.applicationId(), subject, participantId, basis));
        } catch (RuntimeException e) {
            if (!Refusals.byRule(e)) {
                throw e;
            }
            LOG.debugf("retention: %s of %s not erased: %s", subject, r.applicationId(), e.getMessage());
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ProductionCalendar.MOSCOW).toInstant();
    }
}
