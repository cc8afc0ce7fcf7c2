package ru.fioco.training.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** messaging-service starts on the embedded stack and reports itself ready (real broker, Mongo wire server in memory). */
@QuarkusTest
class ServiceStartsTest {

    @Test
    void reportsReadyWithMongoAndKafkaChecks() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAnswerWithAProblem() {
        given().when().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
