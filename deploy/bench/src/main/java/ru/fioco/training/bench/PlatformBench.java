package ru.fioco.training.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import ru.fioco.training.devstack.EmbeddedKafka;
import ru.fioco.training.devstack.EmbeddedMongo;
import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.devstack.ServiceProcess;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.UploadPolicy;
import ru.fioco.training.platform.publishing.EventPublisher;
import ru.fioco.training.platform.testing.PublishingFixture;
import ru.fioco.training.systemtests.LifecycleDriver;

/**
 * Throughput and latency of the plumbing, each against a raw baseline measured in the same run on
 * the same embedded servers, because this machine is noisy: only the ratios mean something.
 */
public final class PlatformBench {

    private static final int EVENTS = 3_000;
    private static final int WARM_UP = 500;

    public static void main(String[] args) throws Exception {
        boolean e2e = !Arrays.asList(args).contains("--no-e2e");
        Path work = Files.createTempDirectory("bench-");
        Map<String, String> results = new LinkedHashMap<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
             EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            appendThroughput(mongo, kafka, results);
            publishThroughput(mongo, kafka, results);
            uploadThroughput(mongo, results);
        }
        if (Arrays.asList(args).contains("--scale-only")) {
            scale(work, number(args, "--concurrent=", 10), number(args, "--participants=", 2), results);
            print(results);
            return;
        }
        if (e2e) {
            endToEndLatency(work.resolve("platform"), results);
            lifecyclesAndRebuilds(work.resolve("lifecycles"), number(args, "--applications=", 10),
                    number(args, "--participants=", 3), results);
            scale(work, number(args, "--concurrent=", 10), number(args, "--participants=", 2), results);
        }
        print(results);
    }

    private static void print(Map<String, String> results) {
        System.out.println();
        System.out.printf("machine: %d cores, %s, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"), Instant.now());
        results.forEach((k, v) -> System.out.printf("%-58s %s%n", k, v));
    }

    /** Axon appends (one event per append, through the commit-ordering lock) vs raw driver inserts of the same size. */
    static void appendThroughput(EmbeddedMongo mongo, EmbeddedKafka kafka, Map<String, String> results) {
        try (MongoClient client = MongoClients.create(mongo.connectionString());
             PublishingFixture f = new PublishingFixture(mongo.connectionString(), kafka.bootstrapServers(), true)) {
            MongoCollection<Document> raw = client.getDatabase("bench-raw").getCollection("inserts");
            for (int i = 0; i < WARM_UP; i++) {
                raw.insertOne(rawEvent(i));
                f.append("warm-" + (i % 50), i / 50);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                raw.insertOne(rawEvent(i));
            }
            double rawRate = rate(EVENTS, t0);
            long t1 = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                f.append("stream-" + (i % 100), i / 100);
            }
            double axonRate = rate(EVENTS, t1);
            results.put("append: raw driver inserts/s", fmt(rawRate));
            results.put("append: event store appends/s", fmt(axonRate));
            results.put("append: RATIO event store / raw inserts", String.format("%.2f", axonRate / rawRate));
        }
    }

    /** The publisher draining stored events to Kafka vs a raw idempotent producer with acks=all, same sizes. */
    static void publishThroughput(EmbeddedMongo mongo, EmbeddedKafka kafka, Map<String, String> results) throws Exception {
        Properties p = new Properties();
        p.putAll(EventPublisher.producerConfig("bench-raw"));
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            byte[] value = "{\"streamId\":\"stream-00\",\"n\":12345}".getBytes();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                acks.add(producer.send(new ProducerRecord<>("bench-raw", "stream-" + (i % 100), value)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            double rawRate = rate(EVENTS, t0);
            results.put("publish: raw producer records/s (acks=all)", fmt(rawRate));

            try (PublishingFixture f = new PublishingFixture(mongo.connectionString(), kafka.bootstrapServers(), true)) {
                for (int i = 0; i < EVENTS; i++) {
                    f.append("stream-" + (i % 100), i / 100);
                }
                try (EventPublisher publisher = f.publisher(200)) {
                    long t1 = System.nanoTime();
                    publisher.start();
                    while (publisher.publishedCount() < EVENTS) {
                        Thread.sleep(5);
                    }
                    double pubRate = rate(EVENTS, t1);
                    results.put("publish: event store -> Kafka events/s", fmt(pubRate));
                    results.put("publish: RATIO publisher / raw producer", String.format("%.2f", pubRate / rawRate));
                }
            }
        }
    }

    /**
     * Storing ~1 MB personal documents through the platform's upload piece (type by content, SHA-256,
     * readability check, GridFS) vs raw GridFS writes of the same bytes to the same server.
     */
    static void uploadThroughput(EmbeddedMongo mongo, Map<String, String> results) throws Exception {
        byte[] png = noisePng();
        int files = 60;
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("bench-files");
            GridFSBucket raw = GridFSBuckets.create(db, "raw");
            FileStore store = new FileStore(db, "documents");
            for (int i = 0; i < 10; i++) { // warm-up
                raw.uploadFromStream("w.png", new ByteArrayInputStream(png));
                store.store(new ByteArrayInputStream(png), "w.png",
                        UploadPolicy.PERSONAL_DOCUMENT, "file");
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < files; i++) {
                raw.uploadFromStream("scan.png", new ByteArrayInputStream(png));
            }
            double rawRate = rate(files, t0);
            long t1 = System.nanoTime();
            for (int i = 0; i < files; i++) {
                store.store(new ByteArrayInputStream(png), "scan.png",
                        UploadPolicy.PERSONAL_DOCUMENT, "file");
            }
            double storeRate = rate(files, t1);
            results.put("upload: file size bytes", Integer.toString(png.length));
            results.put("upload: raw GridFS writes/s", String.format("%.1f", rawRate));
            results.put("upload: checked uploads (type, hash, decode, GridFS)/s", String.format("%.1f", storeRate));
            results.put("upload: RATIO checked / raw GridFS", String.format("%.2f", storeRate / rawRate));
        }
    }

    /** A PNG of random noise just under 1 MB: incompressible, like a photographed document. */
    static byte[] noisePng() throws IOException {
        Random random = new Random(42);
        BufferedImage img = new BufferedImage(590, 590, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 590; y++) {
            for (int x = 0; x < 590; x++) {
                img.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** From "201 Created" of a programme in application-service to the programme readable in document-service. */
    static void endToEndLatency(Path dataDir, Map<String, String> results) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
        try (LocalPlatform platform = LocalPlatform.start(root, dataDir, ports)) {
            HttpClient http = HttpClient.newHttpClient();
            String token = platform.tokens().staff("bench@fioco.ru");
            String app = platform.service("application-service").baseUrl();
            String doc = platform.service("document-service").baseUrl();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                var post = HttpRequest.newBuilder(URI.create(app + "/programmes"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"Bench " + i + "\",\"startDate\":\"2027-02-01\",\"endDate\":\"2027-02-12\","
                                        + "\"hours\":36,\"subjects\":[\"Математика\"],\"pricePerParticipant\":1000}")).build();
                var created = http.send(post, HttpResponse.BodyHandlers.ofString());
                long accepted = System.nanoTime();
                String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                var get = HttpRequest.newBuilder(URI.create(doc + "/programmes/" + id))
                        .header("Authorization", "Bearer " + token).build();
                while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    if (System.nanoTime() - accepted > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("programme " + id + " never reached document-service");
                    }
                    Thread.sleep(2);
                }
                if (i >= 20) { // the first ones warm the JIT
                    micros.add((System.nanoTime() - accepted) / 1_000);
                }
            }
            Collections.sort(micros);
            results.put("e2e: command accepted -> other service's read model p50 ms",
                    String.format("%.1f", micros.get(micros.size() / 2) / 1000.0));
            results.put("e2e: command accepted -> other service's read model p99 ms",
                    String.format("%.1f", micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0));
        }
    }

    /**
     * N applications of M participants each driven through the whole lifecycle over REST on the four services
     * (the act needs contract-service's clock past the programme's end: its restart is not counted); then
     * each service's read models rebuilt from their event stores, against a raw cursor scan of the same
     * event collection on the same server.
     */
    static void lifecyclesAndRebuilds(Path dataDir, int n, int m, Map<String, String> results) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
        try (LocalPlatform platform = LocalPlatform.start(root, dataDir, ports)) {
            LifecycleDriver drive = new LifecycleDriver(platform);
            String inn = "7707083893";
            String school = drive.representative(inn);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
            LocalDate start = today.plusDays(45);
            List<LifecycleDriver.App> apps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                apps.add(new LifecycleDriver.App(i, inn, school, "PREPAYMENT", m));
            }
            long t0 = System.nanoTime();
            apps.forEach(a -> drive.programme(a, "Bench " + a.n, start));
            apps.forEach(drive::draftAndSubmit);
            apps.forEach(drive::takeIntoWork);
            apps.forEach(a -> drive.participantDocuments(a, false));
            apps.forEach(drive::signedContract);
            apps.forEach(drive::conclude);
            apps.forEach(a -> drive.pay(a, today));
            long firstHalf = System.nanoTime() - t0;
            long days = ChronoUnit.DAYS.between(today, start.plusDays(15));
            platform.restart("contract-service", Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(days).toString()));
            long t1 = System.nanoTime();
            for (LifecycleDriver.App a : apps) {
                drive.act(a);
                drive.signedAct(a);
            }
            for (LifecycleDriver.App a : apps) {
                drive.originalsAndResults(a);
                drive.certificates(a);
                drive.ship(a);
            }
            apps.forEach(a -> drive.awaitStatus(a, "COMPLETED"));
            double seconds = (firstHalf + System.nanoTime() - t1) / 1e9;
            results.put("lifecycles: " + n + " applications x " + m + " participants, seconds", String.format("%.1f", seconds));
            results.put("lifecycles: per second (REST only, four processes)", String.format("%.3f", n / seconds));
            results.put("lifecycles: REST calls per lifecycle (approx.)", Integer.toString(22 + 6 * m));

            try (MongoClient client = MongoClients.create(platform.mongo().connectionString())) {
                Map<String, String> databases = Map.of("application-service", "applications", "document-service",
                        "documents", "contract-service", "contracts", "messaging-service", "messages");
                for (String service : LocalPlatform.LOCAL_PORTS.keySet()) {
                    MongoCollection<Document> events = client.getDatabase(databases.get(service)).getCollection("domainevents");
                    long s0 = System.nanoTime();
                    long scanned = 0;
                    for (Document ignored : events.find()) {
                        scanned++;
                    }
                    double scanRate = scanned / ((System.nanoTime() - s0) / 1e9);
                    for (String model : drive.readModels(service)) {
                        JsonPath status = drive.rebuild(service, model);
                        double took = Duration.between(Instant.parse(status.getString("startedAt")),
                                Instant.parse(status.getString("finishedAt"))).toNanos() / 1e9;
                        if ("KAFKA".equals(status.getString("source"))) {
                            // a copy kept from topics: against a plain consumer reading the same topics from offset 0
                            List<String> topics = status.getList("topics", String.class);
                            long replayed = status.getLong("eventsReplayed");
                            double readRate = rawTopicRead(platform.kafka().bootstrapServers(), topics);
                            results.put("rebuild: " + service + " " + model + " records/s (" + replayed
                                    + " records of " + topics + ", matches=" + status.getBoolean("matches") + ")",
                                    fmt(replayed / took));
                            results.put("rebuild: " + service + " RATIO " + model + " / raw topic read ("
                                    + fmt(readRate) + "/s)", String.format("%.3f", replayed / took / readRate));
                            continue;
                        }
                        double rebuildRate = scanned / took;
                        results.put("rebuild: " + service + " " + model + " events/s (" + scanned + " events, matches="
                                + status.getBoolean("matches") + ")", fmt(rebuildRate));
                        results.put("rebuild: " + service + " RATIO " + model + " / raw cursor scan ("
                                + fmt(scanRate) + "/s)", String.format("%.3f", rebuildRate / scanRate));
                    }
                }
            }
        }
    }

    /**
     * The scale figure: N lifecycles at once (each on its own thread, all REST, the calls of each service spread
     * over its processes), first with one process per service, then with two, in the same run; lifecycles per
     * second and each step's latency (from the call to its effect being visible, as the driver waits for it).
     * The services run with the JIT production would use (C2), not the local launcher's C1-only start-up flag.
     */
    static void scale(Path work, int n, int m, Map<String, String> results) throws Exception {
        System.setProperty(ServiceProcess.PRODUCTION_JIT, "true");
        try {
            for (int replicas = 1; replicas <= 2; replicas++) {
                concurrentLifecycles(work.resolve("scale-" + replicas), n, m, replicas, results);
            }
        } finally {
            System.clearProperty(ServiceProcess.PRODUCTION_JIT);
        }
    }

    private static void concurrentLifecycles(Path dataDir, int n, int m, int replicas, Map<String, String> results)
            throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        for (String name : LocalPlatform.LOCAL_PORTS.keySet()) {
            List<Integer> own = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                own.add(FreePorts.pick());
            }
            ports.put(name, own);
        }
        try (LocalPlatform platform = LocalPlatform.startReplicated(root, dataDir, ports)) {
            LifecycleDriver drive = new LifecycleDriver(platform);
            String inn = "7707083893";
            String school = drive.representative(inn);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
            LocalDate start = today.plusDays(45);
            // a warm-up lifecycle, not counted: the first calls compile the services' code paths
            LifecycleDriver.App warm = new LifecycleDriver.App(1000, inn, school, "PREPAYMENT", m);
            drive.programme(warm, "Разминка", start);
            drive.draftAndSubmit(warm);
            drive.takeIntoWork(warm);

            List<LifecycleDriver.App> apps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                apps.add(new LifecycleDriver.App(i, inn, school, "PREPAYMENT", m));
            }
            Map<String, List<Long>> steps = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            inParallel(apps, a -> {
                timed(steps, "1 programme", () -> drive.programme(a, "Масштаб " + a.n, start));
                timed(steps, "2 draft, scans, submit", () -> drive.draftAndSubmit(a));
                timed(steps, "3 take into work", () -> drive.takeIntoWork(a));
                timed(steps, "4 participants' documents", () -> drive.participantDocuments(a, false));
                timed(steps, "5 signed contract", () -> drive.signedContract(a));
                timed(steps, "6 conclude", () -> drive.conclude(a));
                timed(steps, "7 pay", () -> drive.pay(a, today));
            });
            long firstHalf = System.nanoTime() - t0;
            // the act needs contract-service's clock past the course: its restart is not counted
            long days = ChronoUnit.DAYS.between(today, start.plusDays(15));
            for (ServiceProcess p : platform.replicas("contract-service")) {
                platform.replace(p, Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(days).toString()));
            }
            platform.replicas("contract-service").forEach(p -> p.awaitReady(Duration.ofMinutes(3)));
            long t1 = System.nanoTime();
            inParallel(apps, a -> {
                timed(steps, "8 act", () -> drive.act(a));
                timed(steps, "9 signed act", () -> drive.signedAct(a));
                timed(steps, "10 originals and results", () -> drive.originalsAndResults(a));
                timed(steps, "11 certificates", () -> drive.certificates(a));
                timed(steps, "12 shipment", () -> drive.ship(a));
                timed(steps, "13 completed", () -> drive.awaitStatus(a, "COMPLETED"));
            });
            double seconds = (firstHalf + System.nanoTime() - t1) / 1e9;
            String label = "scale " + replicas + " process" + (replicas == 1 ? "" : "es") + " per service: ";
            results.put(label + n + " lifecycles at once x " + m + " participants, seconds", String.format("%.1f", seconds));
            results.put(label + "lifecycles/s", String.format("%.3f", n / seconds));
            steps.keySet().stream().sorted(Comparator.comparingInt(k -> Integer.parseInt(k.split(" ")[0])))
                    .forEach(step -> {
                        List<Long> millis = new ArrayList<>(steps.get(step));
                        Collections.sort(millis);
                        results.put(label + "step " + step + " p50 / p99 ms", millis.get(millis.size() / 2) + " / "
                                + millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
                    });
        }
    }

    private static void timed(Map<String, List<Long>> steps, String step, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        steps.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - t0) / 1_000_000);
    }

    private static void inParallel(List<LifecycleDriver.App> apps, java.util.function.Consumer<LifecycleDriver.App> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(apps.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            apps.forEach(a -> running.add(pool.submit(() -> work.accept(a))));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Records per second a plain assigned consumer reads from the topics' first offsets to their ends. */
    private static double rawTopicRead(String bootstrapServers, List<String> topics) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t)
                    .forEach(i -> partitions.add(new TopicPartition(t, i.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long t0 = System.nanoTime();
            long read = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static int number(String[] args, String prefix, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> Integer.parseInt(a.substring(prefix.length()))).orElse(fallback);
    }

    private static Document rawEvent(int i) {
        return new Document("_id", UUID.randomUUID().toString()).append("aggregateIdentifier", "stream-" + (i % 100))
                .append("sequenceNumber", (long) i).append("type", "TestStream")
                .append("timeStamp", Instant.now().toString())
                .append("serializedPayload", "{\"streamId\":\"stream-00\",\"n\":12345}")
                .append("payloadType", "ru.fioco.training.platform.testing.TestEvent$Appended");
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static String fmt(double rate) {
        return String.format("%,.0f", rate);
    }
}
