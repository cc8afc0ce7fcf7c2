package ru.fioco.training.platform.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Drops a read model and rebuilds it from the service's event store, then checks that it came out the same:
 * its processor is stopped, its tokens set back to the start of the stream (plain tail tokens, not Axon's
 * replay tokens, which misread Mongo tokens in 4.13: AxonFramework#4453), its collections dropped, the
 * processor started again; when it has caught up with the event store, the checksum is taken again. Only the processor of that model moves: the publisher and side-effecting processors (mail)
 * keep their place, so nothing is published, mailed or numbered twice.
 */
@ApplicationScoped
public class ReadModelRebuilds {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilds.class);
    static final Duration LONGEST = Duration.ofMinutes(30);

    public enum State { LIVE, REBUILDING, REBUILT, FAILED }

    /**
     * Where a read model stands. {@code checksumBefore}/{@code checksumAfter}: of the last rebuild;
     * {@code matches}: they are equal.
     */
    public record Status(String readModel, List<String> collections, State state, String checksum, long documents,
            Instant startedAt, Instant finishedAt, String checksumBefore, long documentsBefore, String checksumAfter,
            long documentsAfter, Boolean matches, String error) {
    }

    private record Run(State state, Instant startedAt, Instant finishedAt, ReadModelChecksum.Result before,
            ReadModelChecksum.Result after, String error) {
    }

    @Inject
    AxonRuntime axon;

    @Inject
    Instance<RebuildableReadModel> models;

    @Inject
    ServiceDatabase database;

    @Inject
    Clock clock;

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });

    public List<Status> all() {
        return models.stream().map(m -> status(m.processingGroup())).toList();
    }

    public Status status(String name) {
        RebuildableReadModel model = model(name);
        ReadModelChecksum.Result now = ReadModelChecksum.of(database.client().getDatabase(database.name()),
                model.collections());
        Run run = runs.get(name);
        if (run == null) {
            return new Status(name, model.collections(), State.LIVE, now.sha256(), now.documents(), null, null, null, 0,
                    null, 0, null, null);
        }
        return new Status(name, model.collections(), run.state(), now.sha256(), now.documents(), run.startedAt(),
                run.finishedAt(), run.before() == null ? null : run.before().sha256(),
                run.before() == null ? 0 : run.before().documents(), run.after() == null ? null : run.after().sha256(),
                run.after() == null ? 0 : run.after().documents(),
                run.after() == null ? null : run.after().sha256().equals(run.before().sha256()), run.error());
    }

    /** Starts rebuilding in the background; {@link #status} reports the progress. */
    public synchronized Status start(String name) {
        RebuildableReadModel model = model(name);
        Run current = runs.get(name);
        if (current != null && current.state() == State.REBUILDING) {
            throw new ConflictException("Модель «" + name + "» уже перестраивается");
        }
        ReadModelChecksum.Result before = ReadModelChecksum.of(database.client().getDatabase(database.name()),
                model.collections());
        Instant started = clock.instant();
        runs.put(name, new Run(State.REBUILDING, started, null, before, null, null));
        worker.submit(() -> rebuild(model, before, started));
        return status(name);
    }

    private void rebuild(RebuildableReadModel model, ReadModelChecksum.Result before, Instant started) {
        String name = model.processingGroup();
        try {
            TrackingEventProcessor processor = axon.configuration().eventProcessingConfiguration()
                    .eventProcessor(name, TrackingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no tracking processor " + name));
            processor.shutDown();
            TokenStore tokens = axon.eventStoreSetup().tokenStore();
            TrackingToken tail = axon.configuration().eventStore().createTailToken();
            for (int segment : tokens.fetchSegments(name)) {
                tokens.fetchToken(name, segment); // claims the segment for this node
                tokens.storeToken(tail, name, segment);
                tokens.releaseClaim(name, segment);
            }
            model.collections().forEach(c -> database.collection(c).drop());
            processor.start();
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (!caughtUp(processor)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not caught up within " + LONGEST);
                }
                Thread.sleep(100); // polling the processor's own progress
            }
            ReadModelChecksum.Result after = ReadModelChecksum.of(database.client().getDatabase(database.name()),
                    model.collections());
            runs.put(name, new Run(State.REBUILT, started, clock.instant(), before, after, null));
            LOG.infof("Read model %s rebuilt: %d documents, checksum %s (before: %s)", name, after.documents(),
                    after.sha256(), before.sha256());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.put(name, new Run(State.FAILED, started, clock.instant(), before, null, "interrupted"));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild of %s failed", name);
            runs.put(name, new Run(State.FAILED, started, clock.instant(), before, null, String.valueOf(e.getMessage())));
        }
    }

    /**
     * Every segment of the restarted processor has reached the end of the stream. (Its status starts afresh at
     * "not caught up" on start. A Mongo head token is a moment, not an event, so "covers the head" cannot serve.)
     */
    private static boolean caughtUp(TrackingEventProcessor processor) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp());
    }

    private RebuildableReadModel model(String name) {
        return models.stream().filter(m -> m.processingGroup().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Модель чтения «" + name + "» не найдена"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
