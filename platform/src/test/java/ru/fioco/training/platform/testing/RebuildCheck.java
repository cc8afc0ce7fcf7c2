package ru.fioco.training.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.restassured.path.json.JsonPath;

/**
 * Drops one of the service's read models and rebuilds it from its source (event store or Kafka) through the
 * admin API, and asserts it came out with the same checksum and number of documents as before, and that the
 * progress it reported reached its end.
 */
public final class RebuildCheck {

    private RebuildCheck() {
    }

    /** @return the final status, for further checks */
    public static JsonPath rebuildsIdentically(String staffToken, String readModel) {
        given().auth().oauth2(staffToken).when().post("/admin/read-models/" + readModel + "/rebuild")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REBUILT".equals(status(staffToken, readModel).getString("state")));
        // compared with the checksum the service took once nothing wrote to the model any more (a live event that
        // arrived between a request's own snapshot and the rebuild would otherwise count as a difference)
        JsonPath after = status(staffToken, readModel);
        assertThat(after.getString("checksumBefore")).as(readModel + " checksum before").isNotNull();
        assertThat(after.getString("checksumAfter")).as(readModel + " checksum").isEqualTo(after.getString("checksumBefore"));
        assertThat(after.getLong("documentsAfter")).as(readModel + " documents").isEqualTo(after.getLong("documentsBefore"));
        assertThat(after.getBoolean("matches")).isTrue();
        // the progress it reported came to its end: every planned record replayed, every stored event passed
        if ("KAFKA".equals(after.getString("source"))) {
            assertThat(after.getLong("eventsReplayed")).as(readModel + " replayed").isEqualTo(after.getLong("eventsToReplay"));
        } else {
            assertThat(after.getString("eventTimeTarget")).as(readModel + " newest event's time").isNotNull();
            assertThat(Instant.parse(after.getString("eventTimeReached"))).as(readModel + " event time reached")
                    .isAfterOrEqualTo(Instant.parse(after.getString("eventTimeTarget")));
        }
        return after;
    }

    static JsonPath status(String staffToken, String readModel) {
        return given().auth().oauth2(staffToken).when().get("/admin/read-models/" + readModel).then().statusCode(200)
                .extract().jsonPath();
    }
}
