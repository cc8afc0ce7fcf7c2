package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local accounts beyond Keycloak: the seeded representative's link to their school, made the way a person and
 * staff make it (registration, then confirmation, through application-service), and tokens for scripts
 * ({@code ./platform-token}).
 */
public final class LocalAccounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalAccounts() {
    }

    /**
     * The local representative registers for the school and staff confirm it (both idempotent: a second start
     * changes nothing); returns once Keycloak's account carries the organisation, so that the next token has it.
     */
    static void confirmSchool(KeycloakServer keycloak, String applicationService, String inn) {
        KeycloakServer.Account school = keycloak.account("school");
        KeycloakServer.Account staff = keycloak.account("staff");
        String schoolToken = keycloak.signIn(school.username(), school.password()).access();
        String person = claim(schoolToken, "sub");
        String version = json(call("GET", applicationService + "/representatives/agreement", schoolToken, null, 200))
                .path("version").asText();
        call("PUT", applicationService + "/representatives/me", schoolToken, """
                {"surname":"Сумкин","name":"Фёдор","patronymic":"Иванович","organisationName":"МБОУ «Школа № 1»",
                 "position":"Заместитель директора","education":"Высшее педагогическое","phone":"+7 (495) 123-45-67",
                 "inn":"%s","agreementVersion":"%s","agreementAccepted":true}""".formatted(inn, version), 204);
        String staffToken = keycloak.signIn(staff.username(), staff.password()).access();
        call("POST", applicationService + "/representatives/" + URLEncoder.encode(person, StandardCharsets.UTF_8)
                + "/confirmation", staffToken, "{\"organisationInn\":\"" + inn + "\"}", 204);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!inn.equals(keycloak.attributes(person).path("org").path(0).asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("application-service did not link the local representative to "
                        + inn + " in Keycloak within a minute; see its log");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A claim of a token's payload (the token is Keycloak's own, just issued: read, not verified). */
    public static String claim(String token, String name) {
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        return json(new String(payload, StandardCharsets.UTF_8)).path(name).asText(null);
    }

    private static String call(String method, String url, String bearer, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + " "
                        + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ./platform-token <account>}: prints an access token of a local account (staff, auditor, school), signed
     * in with its password at the running local Keycloak.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalAccounts <data dir> <staff|auditor|school>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        Properties secrets = load(dataDir.resolve("keycloak/secrets.properties"));
        Properties ports = load(dataDir.resolve("ports.properties"));
        String password = secrets.getProperty("account." + args[1]);
        String port = ports.getProperty("keycloak");
        if (password == null || port == null) {
            System.err.println("No local account '" + args[1] + "' (staff, auditor, school), or the platform was never "
                    + "started here: ./platform-start");
            System.exit(2);
        }
        String form = "grant_type=password&client_id=" + KeycloakServer.SCRIPTS_CLIENT + "&username="
                + URLEncoder.encode(args[1], StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/realms/"
                        + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("Keycloak does not answer on port " + port + ": is ./platform-start running?");
            System.exit(1);
            return;
        }
        if (answer.statusCode() != 200) {
            System.err.println("Keycloak refused the sign-in: " + answer.body());
            System.exit(1);
        }
        System.out.println(json(answer.body()).path("access_token").asText());
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }
}
