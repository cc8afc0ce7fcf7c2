package ru.fioco.training.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;

/**
 * The platform as the local run starts it: embedded Kafka and Mongo (H2 file) in this JVM, the four
 * services as separate processes from their packaged jars, driven through REST only.
 */
class LocalPlatformSystemTest {

    static Path dataDir;
    static Path root;
    static Map<String, Integer> ports;

    @BeforeAll
    static void paths() throws Exception {
        root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("platform-system-test-");
        ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aProgrammePublishedInApplicationServiceReachesTheOtherServicesAndSurvivesARestart() {
        String id;
        try (LocalPlatform platform = LocalPlatform.start(root, dataDir, ports)) {
            String staff = platform.tokens().staff("staff@fioco.ru");
            id = given().baseUri(url(platform, "application-service")).auth().oauth2(staff)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"title":"Функциональная грамотность","startDate":"2027-02-01","endDate":"2027-02-12",
                             "hours":36,"subjects":["Математика"],"pricePerParticipant":"12000.00"}""")
                    .when().post("/programmes")
                    .then().statusCode(201).extract().path("id");
            long published = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                given().baseUri(url(platform, "document-service")).auth().oauth2(staff)
                        .when().get("/programmes/" + id).then().statusCode(200).body("title", equalTo("Функциональная грамотность"));
                given().baseUri(url(platform, "contract-service")).auth().oauth2(staff)
                        .when().get("/programmes/" + id).then().statusCode(200).body("hours", equalTo(36));
            });
            System.out.printf("programme visible in document- and contract-service %d ms after it was accepted%n",
                    Duration.ofNanos(System.nanoTime() - published).toMillis());
            platform.services().forEach(s -> given().baseUri(s.baseUrl()).when().get("/q/health/ready").then().statusCode(200));
        }

        try (LocalPlatform again = LocalPlatform.start(root, dataDir, ports)) {
            String auditor = again.tokens().auditor("auditor@fioco.ru");
            for (String service : new String[] {"application-service", "document-service", "contract-service"}) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        given().baseUri(url(again, service)).auth().oauth2(auditor)
                                .when().get("/programmes/" + id).then().statusCode(200));
            }
            assertThat(Files.exists(dataDir.resolve("mongo/platform.mv"))).isTrue();
        }
    }

    private static String url(LocalPlatform platform, String service) {
        return platform.service(service).baseUrl();
    }
}
