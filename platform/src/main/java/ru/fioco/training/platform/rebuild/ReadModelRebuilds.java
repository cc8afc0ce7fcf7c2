package ru.fioco.training.platform.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.runtime.StartupEvent;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.bson.Document;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.runtime.NodeIdentity;

/**
 * Drops a read model, rebuilds it from its source and checks that it came out the same. Two kinds of source:
 * <ul>
 * <li>the service's own event store ({@link RebuildableReadModel}): the model's tracking processor is stopped, its
 * tokens set back to the start of the stream (plain tail tokens, not Axon's replay tokens, which misread Mongo
 * tokens in 4.13: AxonFramework#4453), its collections dropped and the processor started again; it is rebuilt when
 * every segment has caught up. Only that processor moves: the publisher and side-effecting processors (mail) keep
 * their place, so nothing is published, mailed or numbered twice;</li>
 * <li>another service's topic ({@link TopicFedReadModel}): replayed from offset 0 by {@link TopicReplay}, with the
 * service's consumers held still and its policies not run.</li>
 * </ul>
 * Rebuilds run one at a time, in the background; {@link #status} reports the progress and the checksums.
 *
 * <p>A rebuild under way is marked in the {@code read_model_rebuilds} collection until it ends. A process that dies
 * in the middle leaves the mark, and the next start rebuilds that model again from the beginning: a copy kept from
 * Kafka would otherwise stay half-built, its consumer's processed-event log already forgotten.
 */
@ApplicationScoped
public class ReadModelRebuilds {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilds.class);
    public static final String MARKS = "read_model_rebuilds";
    static final Duration LONGEST = Duration.ofMinutes(30);

    public enum State { LIVE, REBUILDING, REBUILT, FAILED }

    /** Where a model is rebuilt from. */
    public enum Source { EVENT_STORE, KAFKA }

    /**
     * Where a read model stands. {@code checksumBefore}/{@code checksumAfter}: of the last rebuild; {@code matches}:
     * they are equal. Progress of the last rebuild: from Kafka, {@code eventsToReplay} (the records up to where the
     * live consumer stood) and {@code eventsReplayed}; from an event store, {@code eventTimeTarget} (the newest
     * event's time when it began) and {@code eventTimeReached} (the event time every segment has passed).
     */
    public record Status(String readModel, Source source, List<String> topics, List<String> collections, State state,
            String checksum, long documents, Instant startedAt, Instant finishedAt, String checksumBefore,
            long documentsBefore, String checksumAfter, long documentsAfter, Boolean matches, Long eventsToReplay,
            Long eventsReplayed, Instant eventTimeTarget, Instant eventTimeReached, String error) {
    }

    private record Model(String name, Source source, List<String> topics, List<String> collections,
            RebuildableReadModel fromEventStore, TopicFedReadModel fromKafka) {
    }

    private record Run(State state, Instant startedAt, Instant finishedAt, ReadModelChecksum.Result before,
            ReadModelChecksum.Result after, RebuildProgress progress, String error) {

        Run finished(State state, Instant at, ReadModelChecksum.Result after, String error) {
            return new Run(state, startedAt, at, before, after, progress, error);
        }

        Run atRest(ReadModelChecksum.Result checksum) {
            return new Run(state, startedAt, finishedAt, checksum, after, progress, error);
        }
    }

    @Inject
    AxonRuntime axon;

    @Inject
    Instance<RebuildableReadModel> eventStoreModels;

    @Inject
    Instance<TopicFedReadModel> kafkaModels;

    @Inject
    TopicReplay topicReplay;

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
        return models().map(m -> status(m.name())).toList();
    }

    public Status status(String name) {
        Model model = model(name);
        ReadModelChecksum.Result now = checksum(model);
        Run run = runs.get(name);
        if (run == null) {
            return new Status(name, model.source(), model.topics(), model.collections(), State.LIVE, now.sha256(),
                    now.documents(), null, null, null, 0, null, 0, null, null, null, null, null, null);
        }
        RebuildProgress progress = run.progress();
        return new Status(name, model.source(), model.topics(), model.collections(), run.state(), now.sha256(),
                now.documents(), run.startedAt(), run.finishedAt(), run.before() == null ? null : run.before().sha256(),
                run.before() == null ? 0 : run.before().documents(), run.after() == null ? null : run.after().sha256(), run.after() == null ? 0 : run.after().documents(),
                run.after() == null || run.before() == null ? null : run.after().sha256().equals(run.before().sha256()),
                progress.toReplay(), progress.replayed(), progress.target(), progress.reached(), run.error());
    }

    /** Starts rebuilding in the background; {@link #status} reports the progress. */
    public synchronized Status start(String name) {
        Model model = model(name);
        Run current = runs.get(name);
        if (current != null && current.state() == State.REBUILDING) {
            throw new ConflictException("Модель «" + name + "» уже перестраивается");
        }
        runs.put(name, new Run(State.REBUILDING, clock.instant(), null, null, null, new RebuildProgress(), null));
        database.collection(MARKS).replaceOne(Filters.eq("_id", name), new Document("_id", name)
                .append("startedAt", Date.from(clock.instant())).append("node", NodeIdentity.of(database.name())),
                new ReplaceOptions().upsert(true));
        worker.submit(() -> rebuild(model));
        return status(name);
    }

    /** After Axon and the consumers have started: a rebuild a dead process left unfinished is done again. */
    void resume(@Observes @Priority(50) StartupEvent event) {
        resumeInterrupted();
    }

    /** @return the models whose interrupted rebuild was started again */
    public List<String> resumeInterrupted() {
        List<String> resumed = new ArrayList<>();
        for (Document mark : database.collection(MARKS).find()) {
            String name = mark.getString("_id");
            if (models().noneMatch(m -> m.name().equals(name))) {
                database.collection(MARKS).deleteOne(Filters.eq("_id", name)); // a model this version no longer has
                continue;
            }
            Run current = runs.get(name);
            if (current != null && current.state() == State.REBUILDING) {
                continue;
            }
            LOG.warnf("The rebuild of %s begun at %s by %s did not finish; rebuilding it again", name,
                    mark.getDate("startedAt"), mark.getString("node"));
            start(name);
            resumed.add(name);
        }
        return resumed;
    }

    private void rebuild(Model model) {
        String name = model.name();
        try {
            if (model.source() == Source.KAFKA) {
                topicReplay.rebuild(model.fromKafka(), runs.get(name).progress(), LONGEST, () -> checksumAtRest(model));
            } else {
                rebuildFromEventStore(model, runs.get(name).progress());
            }
            ReadModelChecksum.Result after = checksum(model);
            Run run = runs.get(name).finished(State.REBUILT, clock.instant(), after, null);
            runs.put(name, run);
            database.collection(MARKS).deleteOne(Filters.eq("_id", name));
            LOG.infof("Read model %s rebuilt: %d documents, checksum %s (before: %s)", name, after.documents(),
                    after.sha256(), run.before().sha256());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.put(name, runs.get(name).finished(State.FAILED, clock.instant(), null, "interrupted"));
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild of %s failed", name);
            runs.put(name, runs.get(name).finished(State.FAILED, clock.instant(), null, String.valueOf(e.getMessage())));
            // the mark stays: the model is not whole; staff start the rebuild again, or the next start does
        }
    }

    /**
     * The checksum the rebuilt model is compared with, taken when nothing writes to the model any more (its
     * processor stopped, or the service's consumers held), so that a last live event cannot make it stale.
     */
    private void checksumAtRest(Model model) {
        runs.computeIfPresent(model.name(), (name, run) -> run.atRest(checksum(model)));
    }

    private void rebuildFromEventStore(Model rebuilt, RebuildProgress progress) throws InterruptedException {
        RebuildableReadModel model = rebuilt.fromEventStore();
        String name = model.processingGroup();
        TrackingEventProcessor processor = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + name));
        processor.shutDown();
        checksumAtRest(rebuilt);
        TokenStore tokens = axon.eventStoreSetup().tokenStore();
        TrackingToken tail = axon.configuration().eventStore().createTailToken();
        newestEventTime().ifPresent(progress::aimAt);
        for (int segment : tokens.fetchSegments(name)) {
            tokens.fetchToken(name, segment); // claims the segment for this node
            tokens.storeToken(tail, name, segment);
            tokens.releaseClaim(name, segment);
        }
        model.collections().forEach(c -> database.collection(c).drop());
        processor.start();
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (!caughtUp(processor)) {
            reached(processor).ifPresent(progress::reach);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not caught up within " + LONGEST);
            }
            Thread.sleep(100); // polling the processor's own progress
        }
        reached(processor).ifPresent(progress::reach);
    }

    /** The event time the slowest segment has passed. */
    private static Optional<Instant> reached(TrackingEventProcessor processor) {
        List<Optional<Instant>> segments = processor.processingStatus().values().stream()
                .map(s -> eventTime(s.getTrackingToken())).toList();
        if (segments.isEmpty() || segments.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return segments.stream().map(Optional::get).min(Instant::compareTo);
    }

    /** The newest stored event's time (a Mongo head token would say "now", which no event reaches). */
    private Optional<Instant> newestEventTime() {
        Document newest = axon.eventStoreSetup().template().eventCollection().find()
                .sort(new Document("timestamp", -1)).limit(1).first();
        return Optional.ofNullable(newest).map(d -> d.get("timestamp")).map(t -> t instanceof Date date
                ? date.toInstant() : Instant.parse(String.valueOf(t)));
    }

    private static Optional<Instant> eventTime(TrackingToken token) {
        return token instanceof MongoTrackingToken mongo ? Optional.of(mongo.getTimestamp()) : Optional.empty();
    }

    /**
     * Every segment of the restarted processor has reached the end of the stream. (Its status starts afresh at
     * "not caught up" on start. A Mongo head token is a moment, not an event, so "covers the head" cannot serve.)
     */
    private static boolean caughtUp(TrackingEventProcessor processor) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp());
    }

    private ReadModelChecksum.Result checksum(Model model) {
        return ReadModelChecksum.of(database.client().getDatabase(database.name()), model.collections());
    }

    private Stream<Model> models() {
        return Stream.concat(
                eventStoreModels.stream().map(m -> new Model(m.processingGroup(), Source.EVENT_STORE, List.of(),
                        m.collections(), m, null)),
                kafkaModels.stream().map(m -> new Model(m.feed().name(), Source.KAFKA, topicReplay.topics(m),
                        m.feed().collections(), null, m)));
    }

    private Model model(String name) {
        return models().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Модель чтения «" + name + "» не найдена"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
