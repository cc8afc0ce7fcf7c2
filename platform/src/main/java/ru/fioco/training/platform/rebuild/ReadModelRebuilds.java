package ru.fioco.training.platform.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.consuming.InboundGate;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.mongo.QueryIndexesRuntime;
import ru.fioco.training.platform.mongo.ReadModelCollections;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.runtime.NodeIdentity;

/**
 * Rebuilds a read model into new collections beside the live ones, and switches them in when they have caught up,
 * with every replica of the service taking part. Two kinds of source:
 * <ul>
 * <li>the service's own event store ({@link RebuildableReadModel}): the model's handlers are run over the whole
 * stream, on a thread whose writes go to the copies ({@link ReadModelCollections}); the publisher, the mail and
 * every live processor keep their place, so nothing is published, mailed or numbered twice;</li>
 * <li>another service's topic ({@link TopicFedReadModel}): read again from offset 0 by {@link TopicReplay}, its
 * policies not run.</li>
 * </ul>
 * The long part holds nothing: readers and the live consumers keep the live collections. The switch asks every
 * replica (through the {@code read_model_rebuilds} document each replica watches every second) to hold the model's
 * writers: its tracking processor, or the service's consumers. Once every replica seen alive in
 * {@code service_nodes} says it holds, the copies catch up with a position that no longer moves, the processor's
 * tokens are set to where the copies stand (or the Kafka positions are where the replay stopped), the copies are
 * renamed over the live collections, and the replicas let go: seconds.
 *
 * <p>Leases and heartbeats are on the machine's time, never the service's business clock (which a test or an
 * operator may set to another day).
 *
 * <p>The run's state lives in that document, with a lease its owner renews: any replica answers its status; a
 * replica that dies mid-run leaves the live model whole (only the copies were written) and an expired lease, and
 * another replica, or the same after its restart, takes the rebuild over and begins again.
 */
@ApplicationScoped
public class ReadModelRebuilds {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilds.class);
    public static final String MARKS = "read_model_rebuilds";
    public static final String NODES = "service_nodes";
    /** Suffix of the collections a rebuild writes before they are switched in. */
    public static final String COPY = "__rebuild";
    static final Duration LONGEST = Duration.ofMinutes(30);
    static final Duration TICK = Duration.ofSeconds(1);
    /** A replica whose heartbeat is older is taken for gone (it beats every {@link #TICK}). */
    static final Duration ALIVE = Duration.ofSeconds(5);

    public enum State { LIVE, REBUILDING, REBUILT, FAILED }

    /** Where a model is rebuilt from. */
    public enum Source { EVENT_STORE, KAFKA }

    /**
     * Where a read model stands. {@code checksumBefore}/{@code checksumAfter}: of the last rebuild, the live model
     * when its writers were held and the rebuilt one; {@code matches}: they are equal. Progress: from Kafka,
     * {@code eventsToReplay} (the records up to where the live consumers stood) and {@code eventsReplayed}; from an
     * event store, {@code eventTimeTarget} (the newest event's time when it began) and {@code eventTimeReached}.
     * {@code rebuiltBy}: the replica running it; {@code heldMillis}: how long the switch held the writers.
     */
    public record Status(String readModel, Source source, List<String> topics, List<String> collections, State state,
            String checksum, long documents, Instant startedAt, Instant finishedAt, String checksumBefore,
            long documentsBefore, String checksumAfter, long documentsAfter, Boolean matches, Long eventsToReplay,
            Long eventsReplayed, Instant eventTimeTarget, Instant eventTimeReached, String error, String rebuiltBy,
            Long heldMillis) {
    }

    private record Model(String name, Source source, List<String> topics, List<String> collections,
            RebuildableReadModel fromEventStore, TopicFedReadModel fromKafka) {

        Map<String, String> copies() {
            Map<String, String> copies = new LinkedHashMap<>();
            collections.forEach(c -> copies.put(c, c + COPY));
            return copies;
        }
    }

    /** What a run found when it switched. */
    private record Outcome(ReadModelChecksum.Result before, ReadModelChecksum.Result after, long heldMillis) {
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
    InboundGate gate;

    @Inject
    QueryIndexesRuntime indexes;

    @Inject
    ServiceDatabase database;

    /** How long a run's owner may be silent before another replica takes the run over; also the longest hold. */
    @ConfigProperty(name = "platform.rebuilds.lease", defaultValue = "PT15S")
    Duration lease;

    /** How long a switch waits for every replica to hold before the run fails (the live model untouched). */
    @ConfigProperty(name = "platform.rebuilds.hold-wait", defaultValue = "PT30S")
    Duration holdWait;

    private String node;
    private final Map<String, InboundGate.Hold> holds = new ConcurrentHashMap<>();
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = daemons("read-model-rebuild");
    private final ExecutorService holder = daemons("read-model-hold");
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-watch");
        t.setDaemon(true);
        return t;
    });

    private static ExecutorService daemons(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** After Axon and the consumers have started: this replica beats, watches for switches and abandoned runs. */
    void begin(@Observes @Priority(50) StartupEvent event) {
        node = NodeIdentity.of(database.name());
        watcher.scheduleWithFixedDelay(this::watchSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Status> all() {
        return models().map(m -> status(m.name())).toList();
    }

    public Status status(String name) {
        Model model = model(name);
        ReadModelChecksum.Result now = checksum(model, Map.of());
        Document run = marks().find(Filters.eq("_id", name)).first();
        if (run == null) {
            return new Status(name, model.source(), model.topics(), model.collections(), State.LIVE, now.sha256(),
                    now.documents(), null, null, null, 0, null, 0, null, null, null, null, null, null, null, null);
        }
        Document before = run.get("before", Document.class);
        Document after = run.get("after", Document.class);
        return new Status(name, model.source(), model.topics(), model.collections(),
                State.valueOf(run.get("state", State.REBUILDING.name())), now.sha256(), now.documents(), instant(run, "startedAt"),
                instant(run, "finishedAt"), before == null ? null : before.getString("sha256"),
                before == null ? 0 : before.get("documents", Number.class).longValue(),
                after == null ? null : after.getString("sha256"),
                after == null ? 0 : after.get("documents", Number.class).longValue(),
                before == null || after == null ? null : before.getString("sha256").equals(after.getString("sha256")),
                number(run, "toReplay"), number(run, "replayed"), instant(run, "target"), instant(run, "reached"),
                run.getString("error"), run.getString("owner"), number(run, "heldMillis"));
    }

    /** Starts rebuilding, on this replica, in the background; {@link #status} reports the progress. */
    public Status start(String name) {
        Model model = model(name);
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString();
        Document fresh = new Document("_id", name).append("state", State.REBUILDING.name()).append("run", run)
                .append("owner", node).append("leaseUntil", Date.from(now.plus(lease)))
                .append("startedAt", Date.from(now)).append("holding", List.of());
        try {
            // only where no run is alive: none yet, one ended, or one whose owner stopped renewing its lease
            marks().replaceOne(Filters.and(Filters.eq("_id", name), Filters.or(
                            Filters.ne("state", State.REBUILDING.name()), Filters.lt("leaseUntil", Date.from(now)))),
                    fresh, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConflictException("Модель «" + name + "» уже перестраивается");
            }
            throw e;
        }
        worker.submit(() -> rebuild(model, run));
        return status(name);
    }

    private void rebuild(Model model, String run) {
        String name = model.name();
        Map<String, String> copies = model.copies();
        RebuildProgress progress = new RebuildProgress();
        try {
            copies.values().forEach(c -> database.collection(c).drop());
            indexes.all().stream().filter(i -> copies.containsKey(i.collection()))
                    .forEach(i -> database.collection(copies.get(i.collection())).createIndex(i.keys()));
            Outcome outcome = model.source() == Source.KAFKA
                    ? rebuildFromKafka(model, run, copies, progress)
                    : rebuildFromEventStore(model, run, copies, progress);
            update(run, progress, Updates.combine(Updates.set("state", State.REBUILT.name()),
                    Updates.set("finishedAt", Date.from(Instant.now())), Updates.set("before", result(outcome.before())),
                    Updates.set("after", result(outcome.after())), Updates.set("heldMillis", outcome.heldMillis()),
                    Updates.unset("phase"), Updates.set("holding", List.of())));
            LOG.infof("Read model %s rebuilt: %d documents, checksum %s (before: %s); writers held %d ms", name,
                    outcome.after().documents(), outcome.after().sha256(), outcome.before().sha256(),
                    outcome.heldMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // this replica stops: let another take the run over at once
            marks().updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("run", run)), Updates.combine(
                    Updates.set("leaseUntil", Date.from(Instant.now())), Updates.unset("phase")));
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild of %s failed; the live model is as it was", name);
            update(run, progress, Updates.combine(Updates.set("state", State.FAILED.name()),
                    Updates.set("finishedAt", Date.from(Instant.now())),
                    Updates.set("error", String.valueOf(e.getMessage())), Updates.unset("phase"),
                    Updates.set("holding", List.of())));
            copies.values().forEach(c -> database.collection(c).drop());
        }
    }

    private Outcome rebuildFromEventStore(Model rebuilt, String run, Map<String, String> copies,
            RebuildProgress progress) throws Exception {
        RebuildableReadModel model = rebuilt.fromEventStore();
        Configuration axonConfiguration = axon.configuration();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(model,
                axonConfiguration.parameterResolverFactory(), axonConfiguration.handlerDefinition(model.getClass()));
        newestEventTime().ifPresent(progress::aimAt);
        long deadline = System.nanoTime() + LONGEST.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = axonConfiguration.eventStore().openStream(null)) {
            TrackingToken reached = drain(stream, handlers, copies, progress, null, 1000, run, deadline);
            long heldAt = hold(rebuilt.name(), run, progress);
            reached = drain(stream, handlers, copies, progress, reached, 200, run, deadline);
            // the held processor stood where it stood, the copy is further: bring the old model to the copy's event
            // (it is replaced anyway) so that the two are compared at the same point of the stream
            bringLiveTo(model.processingGroup(), handlers, reached);
            Outcome outcome = compare(rebuilt, copies, heldAt);
            // the live processor goes on from where the copy stands, then writes into it
            placeTokens(model.processingGroup(), reached == null
                    ? axonConfiguration.eventStore().createTailToken() : reached, run, progress);
            switchIn(copies);
            return outcome;
        }
    }

    /** Applies events to the copies until none comes for {@code quietMillis}; returns the last one's token. */
    private TrackingToken drain(BlockingStream<TrackedEventMessage<?>> stream, AnnotationEventHandlerAdapter handlers,
            Map<String, String> copies, RebuildProgress progress, TrackingToken reached, int quietMillis, String run,
            long deadline) throws Exception {
        TrackingToken last = reached;
        int sinceRenewal = 0;
        while (stream.hasNextAvailable(quietMillis, TimeUnit.MILLISECONDS)) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            ReadModelCollections.writingTo(copies, () -> {
                apply(handlers, event);
                return null;
            });
            last = event.trackingToken();
            progress.reach(event.getTimestamp());
            if (++sinceRenewal == 200) {
                sinceRenewal = 0;
                renew(run, progress);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not caught up within " + LONGEST);
                }
            }
        }
        renew(run, progress);
        return last;
    }

    /**
     * Applies to the live collections the events after the held processor's token up to {@code copyReached}. With
     * one segment (how the services run their processors) the live model is then exactly at the copy's event; with
     * several, from the segment furthest behind, which is compared as an approximation.
     */
    private void bringLiveTo(String processingGroup, AnnotationEventHandlerAdapter handlers, TrackingToken copyReached)
            throws Exception {
        if (copyReached == null) {
            return;
        }
        TokenStore tokens = axon.eventStoreSetup().tokenStore();
        TrackingToken live = null;
        boolean first = true;
        for (int segment : tokens.fetchSegments(processingGroup)) {
            TrackingToken at = tokens.fetchToken(processingGroup, segment); // the processors are held: free to claim
            tokens.releaseClaim(processingGroup, segment);
            if (first || at == null || (live != null && live.covers(at))) {
                live = at; // the segment furthest behind (null: at the start)
            }
            first = false;
        }
        if (live != null && live.covers(copyReached)) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = axon.configuration().eventStore().openStream(live)) {
            TrackingToken at = live;
            while ((at == null || !at.covers(copyReached)) && stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                apply(handlers, event);
                at = event.trackingToken();
            }
        }
    }

    /** Runs the model's handlers on one event, in a unit of work as its processor would; a failure fails the run. */
    private static void apply(AnnotationEventHandlerAdapter handlers, TrackedEventMessage<?> event) {
        if (!handlers.canHandle(event)) {
            return;
        }
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> handlers.handle(event));
        if (result.isExceptional()) {
            throw new IllegalStateException("a handler of the model failed on " + event.getPayloadType().getSimpleName()
                    + " " + event.getIdentifier(), result.exceptionResult());
        }
    }

    /** Sets every segment's token; a segment a dead replica still claims is free once its claim times out. */
    private void placeTokens(String processingGroup, TrackingToken token, String run, RebuildProgress progress)
            throws InterruptedException {
        TokenStore tokens = axon.eventStoreSetup().tokenStore();
        long deadline = System.nanoTime() + holdWait.toNanos();
        for (int segment : tokens.fetchSegments(processingGroup)) {
            while (true) {
                try {
                    tokens.fetchToken(processingGroup, segment); // claims the segment for this replica
                    tokens.storeToken(token, processingGroup, segment);
                    tokens.releaseClaim(processingGroup, segment);
                    break;
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("segment " + segment + " of " + processingGroup
                                + " stays claimed by another replica");
                    }
                    renew(run, progress);
                    Thread.sleep(500); // a claim expires by time: nothing to be told
                }
            }
        }
    }

    private Outcome rebuildFromKafka(Model rebuilt, String run, Map<String, String> copies, RebuildProgress progress)
            throws Exception {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        try (TopicReplay.Replay replay = topicReplay.open(rebuilt.fromKafka())) {
            replay.upTo(replay.liveStops(), copies, progress, deadline, () -> renew(run, progress));
            long heldAt = hold(rebuilt.name(), run, progress);
            // every replica holds; a replica that came up meanwhile may still finish a record: until nothing moves
            var stops = replay.liveStops();
            while (true) {
                replay.upTo(stops, copies, progress, deadline, () -> renew(run, progress));
                awaitHolds(rebuilt.name(), run, progress);
                var now = replay.liveStops();
                if (now.equals(stops)) {
                    break;
                }
                stops = now;
            }
            Outcome outcome = compare(rebuilt, copies, heldAt);
            switchIn(copies);
            return outcome;
        }
    }

    /** Asks every replica to hold the model's writers and waits until they all do; returns when it began. */
    private long hold(String name, String run, RebuildProgress progress) throws InterruptedException {
        long began = System.nanoTime();
        update(run, progress, Updates.combine(Updates.set("phase", "HOLD"), Updates.set("holding", List.of())));
        awaitHolds(name, run, progress);
        return began;
    }

    private void awaitHolds(String name, String run, RebuildProgress progress) throws InterruptedException {
        long deadline = System.nanoTime() + holdWait.toNanos();
        while (true) {
            renew(run, progress);
            Document mark = marks().find(Filters.and(Filters.eq("_id", name), Filters.eq("run", run))).first();
            if (mark == null) {
                throw new IllegalStateException("the run was taken over by another replica");
            }
            Set<String> waitingFor = new HashSet<>(aliveNodes());
            waitingFor.add(node);
            waitingFor.removeAll(mark.getList("holding", String.class, List.of()));
            if (waitingFor.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replicas did not hold within " + holdWait + ": " + waitingFor);
            }
            Thread.sleep(100); // the replicas answer through Mongo, the one thing they share
        }
    }

    private Outcome compare(Model model, Map<String, String> copies, long heldAt) {
        ReadModelChecksum.Result before = checksum(model, Map.of());
        ReadModelChecksum.Result after = checksum(model, copies);
        return new Outcome(before, after, (System.nanoTime() - heldAt) / 1_000_000);
    }

    /** Each copy replaces its live collection in one step (a rename over it). */
    private void switchIn(Map<String, String> copies) {
        Set<String> existing = database.client().getDatabase(database.name()).listCollectionNames()
                .into(new HashSet<>());
        copies.forEach((live, copy) -> {
            if (existing.contains(copy)) {
                database.collection(copy).renameCollection(new MongoNamespace(database.name(), live),
                        new RenameCollectionOptions().dropTarget(true));
            } else {
                database.collection(live).drop();
            }
        });
    }

    /** Every second on every replica: a heartbeat, holds begun and ended as runs ask, abandoned runs taken over. */
    private void watchSafely() {
        try {
            watch();
        } catch (RuntimeException e) {
            LOG.warnf("Watching read model rebuilds failed (next try in %s): %s", TICK, e.toString());
        }
    }

    void watch() {
        Instant now = Instant.now();
        database.collection(NODES).replaceOne(Filters.eq("_id", node), new Document("_id", node)
                .append("seenAt", Date.from(now)), new ReplaceOptions().upsert(true));
        Set<String> wanted = new HashSet<>();
        for (Document mark : marks().find()) {
            String name = mark.getString("_id");
            Optional<Model> model = models().filter(m -> m.name().equals(name)).findFirst();
            if (model.isEmpty()) {
                continue; // a model this version no longer has
            }
            if (mark.getString("state") == null) {
                // left by a version that rebuilt in place: that model may be half-built, so build it again
                LOG.warnf("An earlier version's rebuild of %s did not finish; rebuilding it", name);
                startUnlessRunning(name);
                continue;
            }
            boolean alive = State.REBUILDING.name().equals(mark.getString("state"))
                    && mark.getDate("leaseUntil").toInstant().isAfter(now);
            if (alive && "HOLD".equals(mark.getString("phase"))) {
                wanted.add(name);
                if (holding.add(name)) {
                    String run = mark.getString("run");
                    holder.submit(() -> holdHere(model.get(), run));
                }
            } else if (State.REBUILDING.name().equals(mark.getString("state")) && !alive) {
                LOG.warnf("The rebuild of %s by %s stopped renewing its lease; taking it over", name,
                        mark.getString("owner"));
                startUnlessRunning(name);
            }
        }
        for (String name : List.copyOf(holding)) {
            if (!wanted.contains(name)) {
                release(name);
            }
        }
    }

    private void startUnlessRunning(String name) {
        try {
            start(name);
        } catch (ConflictException takenByAnother) {
            LOG.debugf("%s was taken over by another replica", name);
        }
    }

    /** Holds this replica's writers of the model, then says so in the run's document. */
    private void holdHere(Model model, String run) {
        try {
            if (model.source() == Source.KAFKA) {
                holds.put(model.name(), gate.hold(holdWait));
            } else {
                TrackingEventProcessor processor = processor(model.fromEventStore().processingGroup());
                boolean wasRunning = processor.isRunning();
                processor.shutDown(); // stores its token and gives up its claims
                holds.put(model.name(), () -> {
                    if (wasRunning) {
                        processor.start();
                    }
                });
            }
            marks().updateOne(Filters.and(Filters.eq("_id", model.name()), Filters.eq("run", run)),
                    Updates.addToSet("holding", node));
            LOG.debugf("Holding the writers of %s for run %s", model.name(), run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holding.remove(model.name());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not hold the writers of %s", model.name());
            holding.remove(model.name()); // the run fails for want of this replica; a later one may ask again
        }
    }

    private void release(String name) {
        InboundGate.Hold hold = holds.remove(name);
        if (hold != null) {
            hold.release();
            holding.remove(name);
            LOG.debugf("Released the writers of %s", name);
        }
    }

    private List<String> aliveNodes() {
        Date since = Date.from(Instant.now().minus(ALIVE));
        return database.collection(NODES).find(Filters.gte("seenAt", since)).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    private void renew(String run, RebuildProgress progress) {
        update(run, progress, Updates.set("leaseUntil", Date.from(Instant.now().plus(lease))));
    }

    /** Updates this replica's run with its progress; a run another replica took over is not touched. */
    private void update(String run, RebuildProgress progress, Bson change) {
        List<Bson> changes = new ArrayList<>(List.of(change));
        if (progress.toReplay() != null) {
            changes.add(Updates.set("toReplay", progress.toReplay()));
            changes.add(Updates.set("replayed", progress.replayed()));
        }
        if (progress.target() != null) {
            changes.add(Updates.set("target", Date.from(progress.target())));
        }
        if (progress.reached() != null) {
            changes.add(Updates.set("reached", Date.from(progress.reached())));
        }
        marks().updateOne(Filters.eq("run", run), Updates.combine(changes));
    }

    private TrackingEventProcessor processor(String name) {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + name));
    }

    /** The newest stored event's time (a Mongo head token would say "now", which no event reaches). */
    private Optional<Instant> newestEventTime() {
        Document newest = axon.eventStoreSetup().template().eventCollection().find()
                .sort(new Document("timestamp", -1)).limit(1).first();
        return Optional.ofNullable(newest).map(d -> d.get("timestamp")).map(t -> t instanceof Date date
                ? date.toInstant() : Instant.parse(String.valueOf(t)));
    }

    private ReadModelChecksum.Result checksum(Model model, Map<String, String> readFrom) {
        return ReadModelChecksum.of(database.client().getDatabase(database.name()), model.collections(), readFrom);
    }

    private static Document result(ReadModelChecksum.Result result) {
        return new Document("sha256", result.sha256()).append("documents", result.documents());
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Long number(Document document, String field) {
        Number n = document.get(field, Number.class);
        return n == null ? null : n.longValue();
    }

    private MongoCollection<Document> marks() {
        return database.collection(MARKS);
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
        watcher.shutdownNow();
        worker.shutdownNow();
        List.copyOf(holding).forEach(this::release);
        holder.shutdownNow();
        if (node != null) {
            try {
                database.collection(NODES).deleteOne(Filters.eq("_id", node)); // no switch waits for this replica
            } catch (RuntimeException e) {
                LOG.debugf("Could not sign off: %s", e.toString());
            }
        }
    }
}
