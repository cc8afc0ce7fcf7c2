package ru.fioco.training.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;

/** Numbers stay unique and increasing per caller under concurrency: Mongo wire server in memory (whose $inc is not atomic). */
class UniqueSequenceTest {

    @Test
    void eightConcurrentCallersNeverGetTheSameNumber() throws Exception {
        try (MongoClient client = MongoClients.create(SharedTestStack.get().mongo().connectionString())) {
            ServiceDatabase database = new ServiceDatabase();
            database.client = client;
            database.name = "sequence-" + UUID.randomUUID();
            database.init();
            UniqueSequence sequence = new UniqueSequence(database);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<String>>> callers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                callers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(sequence.next("ПК-2027", 999_999, v -> String.format("ПК-2027-%06d", v)));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> caller : callers) {
                List<String> mine = caller.get();
                assertThat(mine).isSorted();
                all.addAll(mine);
            }
            pool.shutdown();
            assertThat(all).hasSize(400).doesNotHaveDuplicates().allMatch(n -> n.matches("ПК-2027-\\d{6}"));
            client.getDatabase(database.name).drop();
        }
    }
}
