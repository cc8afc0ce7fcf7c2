package ru.fioco.training.contract.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.testing.CloudEventSender;

/** contract-service keeps programme terms from the {@code applications} topic: real broker in-process, Mongo wire server in memory. */
@QuarkusTest
class ProgrammeTermsApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void termsOfAPublishedProgrammeAreServedExactly() {
        String id = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", id, UUID.randomUUID().toString(),
                    "ru.fioco.training.applications.ProgrammePublished",
                    new ProgrammePublished(id, "Курс", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 5), 24,
                            List.of("История"), new BigDecimal("9999.90"), null, List.of()));
        }
        String staff = SharedTestStack.get().tokens().staff("staff@fioco.ru");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(staff).when().get("/programmes/" + id)
                        .then().statusCode(200)
                        .body("hours", equalTo(24))
                        .body("pricePerParticipant", equalTo(9999.90f))
                        .body("endDate", equalTo("2027-03-05")));
    }

    @Test
    void unknownProgrammeIsNotFoundAndAnonymousCallersAreRefused() {
        given().auth().oauth2(SharedTestStack.get().tokens().auditor("a@fioco.ru"))
                .when().get("/programmes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/programmes/x").then().statusCode(401).contentType("application/problem+json");
    }
}
