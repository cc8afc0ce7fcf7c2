package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on this machine: the embedded Kafka broker, Mongo server and SMTP server in this JVM, Keycloak
 * and the four services as separate processes. {@link #main} is the local run (data kept in {@code .devstack/} so a
 * second start finds everything again), signed in through Keycloak; the system tests use {@link #start} with a
 * throw-away data directory and free ports, and either Keycloak or, where sign-in is not what they test, tokens
 * minted with a local key (no Keycloak process: faster).
 */
public final class LocalPlatform implements AutoCloseable {

    /**
     * The services' topics. Named here, not taken from the services' api modules, because the devstack is built
     * before them; a test of each service checks its topic name. Each consumer creates its own dead-letter topic.
     */
    public static final List<String> TOPICS = List.of(
            "applications", "documents", "contracts", "messages", "representatives", "access-log");
    public static final int PARTITIONS = 3;

    /** The services, in start order, with their ports for the local run. */
    public static final Map<String, Integer> LOCAL_PORTS = orderedPorts();

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedMail mail;
    private final SigningKeys keys;
    private final TokenMinter tokens;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KeycloakServer keycloak;
    private CabinetServer cabinet;
    private Map<String, String> environment = Map.of();

    /** The local run's cabinet port: fixed, because Keycloak sends people back to it after signing in. */
    public static final int CABINET_PORT = 8080;
    /** The local run's Keycloak port: fixed, because it is part of the tokens' issuer. */
    public static final int KEYCLOAK_PORT = 8180;
    /** The organisation of the seeded local representative. */
    public static final String LOCAL_SCHOOL_INN = "7707083893";

    private LocalPlatform(EmbeddedKafka kafka, EmbeddedMongo mongo, EmbeddedMail mail, SigningKeys keys) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
        this.keys = keys;
        this.tokens = new TokenMinter(keys);
    }

    /**
     * Starts the broker, the Mongo server (persisted in {@code dataDir}) and the services on the given ports, the
     * services trusting tokens minted with a local key ({@link #tokens()}); waits until every service is ready.
     */
    public static LocalPlatform start(Path repositoryRoot, Path dataDir, Map<String, Integer> servicePorts) {
        return start(repositoryRoot, dataDir, servicePorts, null, null);
    }

    /**
     * As {@link #start(Path, Path, Map)}, with Keycloak on {@code keycloakPort} as the identity provider the services
     * trust (null: none, local tokens), its realm set up and the local accounts seeded: the representative confirmed
     * for {@link #LOCAL_SCHOOL_INN} through application-service, as staff would; and the cabinet served on
     * {@code cabinetPort} (with Keycloak only: it signs in there).
     */
    public static LocalPlatform start(Path repositoryRoot, Path dataDir, Map<String, Integer> servicePorts,
            Integer keycloakPort, Integer cabinetPort) {
        Map<String, List<Integer>> one = new LinkedHashMap<>();
        servicePorts.forEach((name, port) -> one.put(name, List.of(port)));
        return launch(repositoryRoot, dataDir, one, keycloakPort, cabinetPort);
    }

    /**
     * As {@link #start(Path, Path, Map)}, with several processes of each service (one per port given), as production
     * runs replicas: they share the broker, the database and the consumer groups.
     */
    public static LocalPlatform startReplicated(Path repositoryRoot, Path dataDir,
            Map<String, List<Integer>> replicaPorts) {
        return launch(repositoryRoot, dataDir, replicaPorts, null, null);
    }

    private static LocalPlatform launch(Path repositoryRoot, Path dataDir, Map<String, List<Integer>> servicePorts,
            Integer keycloakPort, Integer cabinetPort) {
        Properties ports = rememberedPorts(dataDir);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"),
                port(ports, "kafka.broker"), port(ports, "kafka.controller"));
        kafka.createTopics(TOPICS, PARTITIONS);
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir.resolve("mongo").resolve("platform.mv"), port(ports, "mongo"));
        EmbeddedMail mail = EmbeddedMail.start(port(ports, "smtp"));
        mail.copyTo(dataDir.resolve("mail"));
        ports.setProperty("smtp", Integer.toString(mail.port()));
        ports.setProperty("kafka.broker", Integer.toString(kafka.brokerPort()));
        ports.setProperty("kafka.controller", Integer.toString(kafka.controllerPort()));
        ports.setProperty("mongo", Integer.toString(mongo.port()));
        if (keycloakPort != null) {
            ports.setProperty("keycloak", Integer.toString(keycloakPort));
        }
        storePorts(dataDir, ports);

        LocalPlatform platform = new LocalPlatform(kafka, mongo, mail, SigningKeys.inDirectory(dataDir.resolve("keys")));
        try {
            Map<String, String> env = new HashMap<>(Map.of(
                    // the packaged jars run their production profile; `local` adds what only the local run may
                    // default (the institute's sample requisites)
                    "QUARKUS_PROFILE", "prod,local",
                    "QUARKUS_MAILER_HOST", mail.host(),
                    "QUARKUS_MAILER_PORT", Integer.toString(mail.port()),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString()));
            if (keycloakPort != null) {
                platform.keycloak = KeycloakServer.start(repositoryRoot, dataDir, keycloakPort, mail.host(), mail.port(),
                        "http://127.0.0.1:" + (cabinetPort == null ? CABINET_PORT : cabinetPort));
                env.putAll(Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", platform.keycloak.jwksUrl(),
                        "MP_JWT_VERIFY_ISSUER", platform.keycloak.issuer(),
                        "MP_JWT_VERIFY_AUDIENCES", KeycloakServer.AUDIENCE,
                        "KEYCLOAK_URL", platform.keycloak.baseUrl(),
                        "KEYCLOAK_APPLICATION_SERVICE_SECRET", platform.keycloak.applicationServiceSecret(),
                        // the mails' link to the cabinet: the local one
                        "MESSAGING_CABINET_URL", "http://127.0.0.1:" + (cabinetPort == null ? CABINET_PORT : cabinetPort)));
            } else {
                env.putAll(Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", platform.keys.publicKeyFile().toUri().toString(),
                        "MP_JWT_VERIFY_ISSUER", TokenMinter.ISSUER,
                        "MP_JWT_VERIFY_AUDIENCES", TokenMinter.AUDIENCE,
                        // no identity provider to tell: a decision on a representative would wait for one
                        "KEYCLOAK_URL", "http://127.0.0.1:9",
                        "KEYCLOAK_APPLICATION_SERVICE_SECRET", "none"));
            }
            platform.environment = Map.copyOf(env);
            servicePorts.forEach((name, replicaPorts) -> {
                for (int i = 0; i < replicaPorts.size(); i++) {
                    platform.services.add(new ServiceProcess(name, replicaPorts.get(i),
                            repositoryRoot.resolve(name).resolve("service/target/quarkus-app/quarkus-run.jar"),
                            dataDir.resolve("logs").resolve(name + (i == 0 ? "" : "-" + (i + 1)) + ".log"),
                            platform.environment));
                }
            });
            platform.services.forEach(ServiceProcess::start);
            platform.services.forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
            if (platform.keycloak != null && servicePorts.containsKey("application-service")) {
                LocalAccounts.confirmSchool(platform.keycloak, platform.service("application-service").baseUrl(),
                        LOCAL_SCHOOL_INN);
            }
            if (platform.keycloak != null && cabinetPort != null) {
                Map<String, String> urls = new LinkedHashMap<>();
                platform.services.forEach(s -> urls.putIfAbsent(s.name(), s.baseUrl()));
                platform.cabinet = CabinetServer.start(cabinetPort, repositoryRoot.resolve("web/target/dist"), urls,
                        platform.keycloak.issuer(), KeycloakServer.CABINET_CLIENT);
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** The cabinet's origin, when the platform was started with it. */
    public Optional<CabinetServer> cabinet() {
        return Optional.ofNullable(cabinet);
    }

    /** Keycloak, when the platform was started with it. */
    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public EmbeddedMail mail() {
        return mail;
    }

    /** Tokens signed with the local key: trusted by the services only when the platform runs without Keycloak. */
    public TokenMinter tokens() {
        return tokens;
    }

    public SigningKeys keys() {
        return keys;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The processes of one service: one, or the replicas {@link #startReplicated} started. */
    public List<ServiceProcess> replicas(String name) {
        return services.stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * Stops a service gracefully and starts it again from its jar with {@code extraEnvironment} added (for
     * example {@code PLATFORM_CLOCK_OFFSET}); waits until it is ready.
     */
    public ServiceProcess restart(String name, Map<String, String> extraEnvironment) {
        ServiceProcess fresh = replace(service(name), extraEnvironment);
        fresh.awaitReady(Duration.ofMinutes(3));
        return fresh;
    }

    /**
     * Starts a new process in place of {@code old} (stopped gracefully unless already gone), with
     * {@code extraEnvironment} added; does not wait for it to be ready ({@link ServiceProcess#awaitReady}).
     */
    public synchronized ServiceProcess replace(ServiceProcess old, Map<String, String> extraEnvironment) {
        old.stop(Duration.ofSeconds(30));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extraEnvironment);
        ServiceProcess fresh = new ServiceProcess(old.name(), old.port(), old.jar(), old.logFile(), env);
        services.set(services.indexOf(old), fresh);
        fresh.start();
        return fresh;
    }

    @Override
    public void close() {
        if (cabinet != null) {
            cabinet.close();
        }
        try {
            // each stops on its own: one that takes its grace period does not hold up the others
            List<Thread> stopping = services.stream().map(s -> new Thread(() -> s.stop(Duration.ofSeconds(30)),
                    "stop-" + s.name())).toList();
            stopping.forEach(Thread::start);
            for (Thread t : stopping) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            try {
                if (keycloak != null) {
                    keycloak.close();
                }
            } finally {
                try {
                    kafka.close();
                } finally {
                    try {
                        mongo.close();
                    } finally {
                        mail.close();
                    }
                }
            }
        }
    }

    /** The local run: {@code java -jar deploy/devstack/target/devstack-*.jar [repository root]}. */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path dataDir = root.resolve(".devstack");
        FileLock lock = lockDataDir(dataDir);
        if (lock == null) {
            System.err.println("Another local platform is running on " + dataDir + "; stop it first (Ctrl-C in its terminal).");
            System.exit(1);
        }
        for (int port : List.of(KEYCLOAK_PORT, CABINET_PORT)) {
            if (!FreePorts.isFree(port)) {
                System.err.println("Port " + port + " (" + (port == KEYCLOAK_PORT ? "Keycloak" : "the cabinet")
                        + ") is taken; free it first.");
                System.exit(1);
            }
        }
        System.out.println("Starting Kafka, MongoDB, Keycloak and the four services; data in " + dataDir + " ...");
        LocalPlatform platform;
        try {
            platform = start(root, dataDir, LOCAL_PORTS, KEYCLOAK_PORT, CABINET_PORT);
        } catch (IllegalStateException e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Keycloak, Kafka and MongoDB ...");
            platform.close();
            stopped.countDown();
        }, "local-platform-shutdown"));
        System.out.println(banner(platform, root));
        stopped.await();
    }

    private static String banner(LocalPlatform platform, Path root) {
        KeycloakServer kc = platform.keycloak;
        StringBuilder b = new StringBuilder("\nThe platform is up.\n\n");
        b.append("  The cabinet:             ").append(platform.cabinet.url()).append("   <- open this\n");
        b.append("  Accounts (Keycloak):     ").append(kc.accountUrl()).append('\n');
        b.append("  Local accounts (this machine only):\n");
        for (KeycloakServer.Account a : kc.accounts()) {
            b.append(String.format("    %-8s %-18s %s%n", a.username(), a.password(), a.description()));
        }
        b.append("  New people register at the sign-in page; the confirmation mail is in .devstack/mail/*.eml\n");
        b.append("  Keycloak administration: ").append(kc.baseUrl()).append("/admin  (admin / ")
                .append(kc.adminPassword()).append(")\n\n");
        b.append(String.format("  %-20s %-24s %s%n", "service", "URL", "Swagger UI"));
        for (ServiceProcess s : platform.services) {
            b.append(String.format("  %-20s %-24s %s/q/swagger-ui%n", s.name(), s.baseUrl(), s.baseUrl()));
        }
        b.append("\n  Kafka bootstrap servers: ").append(platform.kafka.bootstrapServers());
        b.append("\n  MongoDB:                 ").append(platform.mongo.connectionString());
        b.append("\n  E-mail (SMTP):           ").append(platform.mail.host()).append(':').append(platform.mail.port())
                .append("; every message sent is also in .devstack/mail/*.eml");
        b.append("\n  Logs:                    ").append(root.relativize(platform.services.get(0).logFile().getParent()));
        b.append("\n\nA token for scripts (valid 5 minutes): ./platform-token staff|auditor|school");
        b.append("\n\nTry:\n  curl -s -X POST http://127.0.0.1:8081/programmes -H \"Authorization: Bearer $(./platform-token staff)\" \\");
        b.append("\n       -H 'Content-Type: application/json' \\");
        b.append("\n       -d '{\"title\":\"Оценивание функциональной грамотности\",\"startDate\":\"2027-02-01\",\"endDate\":\"2027-02-12\",\"hours\":36,\"subjects\":[\"Математика\"],\"pricePerParticipant\":\"12000.00\"}'");
        b.append("\n\nCtrl-C stops everything.\n");
        return b.toString();
    }

    /** One local run per data folder: the broker's log and the Mongo file cannot be shared. */
    private static FileLock lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("platform.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return channel.tryLock(); // held until the JVM exits
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Properties rememberedPorts(Path dataDir) {
        Properties p = new Properties();
        Path file = dataDir.resolve("ports.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static void storePorts(Path dataDir, Properties ports) {
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(dataDir.resolve("ports.properties"))) {
                ports.store(out, "ports of the embedded infrastructure, reused on the next start when free");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The remembered port if it is still free (the broker's controller address is part of its data), else a new one. */
    private static int port(Properties ports, String key) {
        String value = ports.getProperty(key);
        if (value != null && FreePorts.isFree(Integer.parseInt(value))) {
            return Integer.parseInt(value);
        }
        return FreePorts.pick();
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("application-service", 8081);
        ports.put("document-service", 8082);
        ports.put("contract-service", 8083);
        ports.put("messaging-service", 8084);
        return Collections.unmodifiableMap(ports);
    }
}
