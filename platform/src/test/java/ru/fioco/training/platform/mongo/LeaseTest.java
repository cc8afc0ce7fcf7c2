package ru.fioco.training.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;

/** One holder at a time; the claim passes on when it expires or is released, never while it is held. */
class LeaseTest {

    private final MongoClient mongo = MongoClients.create(SharedTestStack.get().mongo().connectionString());
    private final MongoCollection<Document> leases = mongo.getDatabase("lease-" + UUID.randomUUID().toString()
            .substring(0, 8)).getCollection(Lease.COLLECTION);

    @AfterEach
    void close() {
        leases.drop();
        mongo.close();
    }

    @Test
    void oneReplicaHoldsTheWorkUntilItsClaimExpiresOrIsReleased() {
        Lease a = new Lease(leases, "mail-pass", "messaging-service@pod-a", Duration.ofSeconds(2));
        Lease b = new Lease(leases, "mail-pass", "messaging-service@pod-b", Duration.ofSeconds(2));
        Lease otherWork = new Lease(leases, "reminder-pass", "messaging-service@pod-b", Duration.ofSeconds(2));

        assertThat(a.hold()).isTrue();
        assertThat(b.hold()).isFalse();
        assertThat(a.hold()).as("the holder renews").isTrue();
        assertThat(otherWork.hold()).as("another piece of work has its own claim").isTrue();

        // a holder that stops renewing (killed) loses the claim when it expires
        await().atMost(Duration.ofSeconds(10)).until(b::hold);
        assertThat(a.hold()).isFalse();

        b.release();
        assertThat(a.hold()).as("released: taken at once").isTrue();
    }
}
