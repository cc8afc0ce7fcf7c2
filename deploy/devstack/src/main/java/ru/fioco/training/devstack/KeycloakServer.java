package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The identity provider of the local stack: Keycloak's server distribution ({@code deploy/keycloak}, fetched through
 * Maven) as its own process on a JDK 21 or later, its database under the data folder, the realm created from
 * {@code deploy/keycloak/realm/training-realm.json} (the file production imports) with its {@code ${VARIABLE}}
 * placeholders filled as Keycloak's own import fills them, and, for this machine only, three accounts with
 * generated passwords and a client that lets scripts and tests sign in with a password. Nothing of the local
 * additions is in the realm file.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "training";
    /** The cabinet's public client (authorization code with PKCE). */
    public static final String CABINET_CLIENT = "training-cabinet";
    /** The local scripts' and tests' client: password grant; local only. */
    public static final String SCRIPTS_CLIENT = "training-local-scripts";
    public static final String AUDIENCE = "training-platform";
    static final String APPLICATION_SERVICE_CLIENT = "training-application-service";

    /** A seeded local account. */
    public record Account(String username, String password, String email, String role, String description) {
    }

    /** What a sign-in gives: the access token, the refresh token. */
    public record Tokens(String access, String refresh) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");

    private final int port;
    private final Path logFile;
    private final Properties secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private KeycloakServer(int port, Path logFile, Properties secrets) {
        this.port = port;
        this.logFile = logFile;
        this.secrets = secrets;
    }

    /**
     * Starts Keycloak on {@code port} with its data in {@code dataDir/keycloak}, waits until it serves, and sets up the
     * realm (created once, its mail server kept current) and the local accounts.
     *
     * @param cabinetUrl where the cabinet is served (its redirect URIs and web origin)
     */
    public static KeycloakServer start(Path repositoryRoot, Path dataDir, int port, String smtpHost, int smtpPort,
            String cabinetUrl) {
        Path home = distribution(repositoryRoot);
        Path java = JavaHomes.atLeast(21).orElseThrow(() -> new IllegalStateException(
                "Keycloak needs Java 21 or later, and none was found in JAVA_HOME, KEYCLOAK_JAVA_HOME or under "
                        + "/usr/lib/jvm. Install one (for example Temurin 21 or 25) or point KEYCLOAK_JAVA_HOME at it."));
        Path state = dataDir.resolve("keycloak");
        Properties secrets = secrets(state.resolve("secrets.properties"));
        KeycloakServer server = new KeycloakServer(port, dataDir.resolve("logs").resolve("keycloak.log"), secrets);
        server.launch(home, java, state);
        try {
            server.awaitReady(Duration.ofMinutes(4));
            server.setUp(repositoryRoot.resolve("deploy/keycloak/realm/training-realm.json"), smtpHost, smtpPort,
                    cabinetUrl);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm's tokens, as the services verify it. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** Where people sign in and manage their account. */
    public String accountUrl() {
        return issuer() + "/account";
    }

    public String applicationServiceSecret() {
        return secrets.getProperty("application-service");
    }

    public String adminPassword() {
        return secrets.getProperty("admin");
    }

    public Path logFile() {
        return logFile;
    }

    /** The seeded local accounts: one staff, one auditor, one representative (confirmed by the launcher). */
    public List<Account> accounts() {
        return List.of(
                new Account("staff", secrets.getProperty("account.staff"), "staff@fioco.ru", "staff",
                        "сотрудник института"),
                new Account("auditor", secrets.getProperty("account.auditor"), "auditor@fioco.ru", "auditor",
                        "аудитор"),
                new Account("school", secrets.getProperty("account.school"), "school-7707083893@example.ru",
                        "representative", "представитель организации с ИНН 7707083893"));
    }

    public Account account(String username) {
        return accounts().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no local account " + username));
    }

    /** A token of the monitoring account (role operations), as Prometheus would get it: client credentials. */
    public String monitoringToken() {
        return form(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "training-monitoring", "client_secret", secrets.getProperty("monitoring")))
                .path("access_token").asText();
    }

    /** Signs in with a password through the local scripts' client. */
    public Tokens signIn(String username, String password) {
        JsonNode answer = form(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", SCRIPTS_CLIENT, "username", username, "password", password, "scope", "openid"));
        return new Tokens(answer.path("access_token").asText(), answer.path("refresh_token").asText());
    }

    /** A new access token from a refresh token; empty when the session has ended (revoked, logged out). */
    public Optional<Tokens> refresh(String refreshToken) {
        HttpResponse<String> answer = post(issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", SCRIPTS_CLIENT, "refresh_token", refreshToken), null);
        if (answer.statusCode() == 400) {
            return Optional.empty();
        }
        JsonNode json = read(require(answer, 200, "refresh"));
        return Optional.of(new Tokens(json.path("access_token").asText(), json.path("refresh_token").asText()));
    }

    /**
     * Creates a person as Keycloak's own registration page would (e-mail verified, role from the realm's default
     * roles): for tests that sign in as a new representative.
     *
     * @return the person's id, the subject of their tokens
     */
    public String createPerson(String username, String email, String firstName, String lastName, String password) {
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode().put("username", username).put("email", email)
                .put("firstName", firstName).put("lastName", lastName).put("enabled", true).put("emailVerified", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        require(send("POST", adminUrl("/users"), admin, user.toString()), 201, "create " + username);
        return userId(admin, username);
    }

    /** A user's attributes as Keycloak keeps them (e.g. {@code org}). */
    public JsonNode attributes(String userId) {
        return read(require(send("GET", adminUrl("/users/" + userId), adminToken(), null), 200, "user"))
                .path("attributes");
    }

    // ------------------------------------------------------------------ process

    private void launch(Path home, Path java, Path state) {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl(),
                "--db=dev-file", "--db-url=jdbc:h2:file:" + state.resolve("db").resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        // a laptop's share, not 70 % of the machine (Keycloak's default)
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(state.resolve("db"));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + logFile);
    }

    /** Stops Keycloak (its launcher script and the JVM it started), gracefully first. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
            }
            for (ProcessHandle p : all) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    // ------------------------------------------------------------------ realm and local accounts

    private void setUp(Path realmFile, String smtpHost, int smtpPort, String cabinetUrl) {
        Map<String, String> variables = Map.of("KC_SMTP_HOST", smtpHost, "KC_SMTP_PORT", Integer.toString(smtpPort),
                "KC_CABINET_URL", cabinetUrl, "KC_APPLICATION_SERVICE_SECRET", applicationServiceSecret(),
                "KC_MONITORING_SECRET", secrets.getProperty("monitoring"));
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(fill(Files.readString(realmFile), variables));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
        String admin = adminToken();
        HttpResponse<String> existing = send("GET", adminUrl(""), admin, null);
        if (existing.statusCode() == 404) {
            require(send("POST", baseUrl() + "/admin/realms", admin, realm.toString()), 201, "create the realm");
        } else {
            // the realm is kept between runs; the mail server's port may have moved (delete .devstack/keycloak to
            // import a changed realm file again)
            ObjectNode mail = JSON.createObjectNode();
            mail.set("smtpServer", realm.get("smtpServer"));
            require(send("PUT", adminUrl(""), admin, mail.toString()), 204, "update the mail server");
        }
        ensureScriptsClient(admin, (ArrayNode) clientNamed(realm, CABINET_CLIENT).get("protocolMappers"));
        for (Account account : accounts()) {
            ensureAccount(admin, account);
        }
    }

    /** Fills {@code ${NAME}} and {@code ${NAME:default}} as Keycloak's import does; an unknown one stays as it is. */
    static String fill(String text, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.containsKey(m.group(1)) ? variables.get(m.group(1)) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode clientNamed(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new IllegalStateException("the realm file has no client " + clientId);
    }

    private void ensureScriptsClient(String admin, ArrayNode mappers) {
        JsonNode found = read(require(send("GET", adminUrl("/clients?clientId=" + SCRIPTS_CLIENT), admin, null), 200,
                "find the scripts' client"));
        if (found.size() > 0) {
            return;
        }
        ObjectNode client = JSON.createObjectNode().put("clientId", SCRIPTS_CLIENT)
                .put("name", "Local scripts and tests (password sign-in; never in production)")
                .put("enabled", true).put("publicClient", true).put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", true);
        client.set("protocolMappers", mappers);
        require(send("POST", adminUrl("/clients"), admin, client.toString()), 201, "create the scripts' client");
    }

    private void ensureAccount(String admin, Account account) {
        JsonNode found = read(require(send("GET", adminUrl("/users?exact=true&username=" + account.username()), admin,
                null), 200, "find " + account.username()));
        if (found.size() > 0) {
            return;
        }
        String[] names = switch (account.role()) {
            case "staff" -> new String[] {"Мария", "Сотрудникова"};
            case "auditor" -> new String[] {"Аркадий", "Аудиторов"};
            default -> new String[] {"Фёдор", "Сумкин"};
        };
        ObjectNode user = JSON.createObjectNode().put("username", account.username()).put("email", account.email())
                .put("firstName", names[0]).put("lastName", names[1]).put("enabled", true).put("emailVerified", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", account.password())
                .put("temporary", false);
        require(send("POST", adminUrl("/users"), admin, user.toString()), 201, "create " + account.username());
        if (!account.role().equals("representative")) {
            // institute accounts carry their role only, not the default role every self-registered person gets
            String id = userId(admin, account.username());
            require(send("POST", adminUrl("/users/" + id + "/role-mappings/realm"), admin,
                    "[" + role(admin, account.role()) + "]"), 204, "grant " + account.role());
            require(send("DELETE", adminUrl("/users/" + id + "/role-mappings/realm"), admin,
                    "[" + role(admin, "default-roles-" + REALM) + "]"), 204, "drop the default role");
        }
    }

    private String role(String admin, String name) {
        return require(send("GET", adminUrl("/roles/" + name), admin, null), 200, "role " + name);
    }

    private String userId(String admin, String username) {
        JsonNode users = read(require(send("GET", adminUrl("/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)), admin, null), 200, "find " + username));
        if (users.isEmpty()) {
            throw new IllegalStateException("no user " + username);
        }
        return users.get(0).path("id").asText();
    }

    private String adminToken() {
        return form(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword()))
                .path("access_token").asText();
    }

    private String adminUrl(String path) {
        return baseUrl() + "/admin/realms/" + REALM + path;
    }

    // ------------------------------------------------------------------ HTTP

    private JsonNode form(String url, Map<String, String> fields) {
        return read(require(post(url, fields, null), 200, url));
    }

    private HttpResponse<String> post(String url, Map<String, String> fields, String bearer) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return exchange(request.build());
    }

    private HttpResponse<String> send(String method, String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String require(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("Keycloak: " + what + " answered " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.body();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ secrets kept in the data folder

    /** The admin's, the service account's and the local accounts' passwords: made once, kept with the data. */
    private static Properties secrets(Path file) {
        Properties p = new Properties();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            boolean changed = false;
            for (String key : List.of("admin", "application-service", "monitoring", "account.staff",
                    "account.auditor", "account.school")) {
                if (p.getProperty(key) == null) {
                    p.setProperty(key, password());
                    changed = true;
                }
            }
            if (changed) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    p.store(out, "local Keycloak secrets: this machine only, never production");
                }
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Meets the realm's password policy: upper and lower case, digits, 16 characters. */
    static String password() {
        SecureRandom random = new SecureRandom();
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String digits = "23456789";
        String all = upper + lower + digits;
        StringBuilder b = new StringBuilder();
        b.append(upper.charAt(random.nextInt(upper.length()))).append(lower.charAt(random.nextInt(lower.length())))
                .append(digits.charAt(random.nextInt(digits.length())));
        while (b.length() < 16) {
            b.append(all.charAt(random.nextInt(all.length())));
        }
        return b.toString();
    }

    private static Path distribution(Path repositoryRoot) {
        Path dist = repositoryRoot.resolve("deploy/keycloak/target/dist");
        try (Stream<Path> found = Files.isDirectory(dist) ? Files.list(dist) : Stream.empty()) {
            List<Path> homes = new ArrayList<>(found.filter(p -> p.getFileName().toString().startsWith("keycloak-")
                    && Files.isExecutable(p.resolve("bin/kc.sh"))).toList());
            if (homes.isEmpty()) {
                throw new IllegalStateException("Keycloak is not unpacked under " + dist
                        + " (run ./mvnw -DskipTests -pl deploy/keycloak package)");
            }
            return homes.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
