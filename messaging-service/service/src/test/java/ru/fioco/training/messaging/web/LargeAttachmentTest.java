package ru.fioco.training.messaging.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.fioco.training.messaging.Lifecycle.SCHOOL;
import static ru.fioco.training.messaging.Lifecycle.STAFF;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.Lifecycle;
import ru.fioco.training.messaging.domain.AttachmentRules;

/**
 * The seed's 40 MB: such an attachment is streamed to GridFS and back with the same SHA-256. Streamed means
 * the client is never more than a few megabytes ahead of what the service has stored, and the heap (sampled
 * after collections all the way through) grows by no more than the in-process Mongo server's own copy, a
 * baseline measured in the same run. One byte more is refused, at once when the length is announced, the
 * moment the limit is passed when it is not, and nothing of it is kept.
 */
@QuarkusTest
class LargeAttachmentTest {

    static final long LIMIT = AttachmentRules.MAX_BYTES;
    /** Far below the 40 MB a buffered body would hold; generous for what a busy test JVM keeps meanwhile. */
    static final long FLAT = 16L * 1024 * 1024;
    /** The driver's default GridFS chunk: 255 KB. */
    static final long GRIDFS_CHUNK = 255L * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @TestHTTPResource("/")
    URI base;

    @Test
    void fortyMegabytesGoUpAndComeBackIdenticalWhileTheHeapStaysFlat() throws Exception {
        String app = new Lifecycle(kafka).submitted().applicationId;
        // The in-process Mongo server keeps GridFS chunks on this very heap: measure what 40 MB stored
        // straight through the driver cost, in the same run, and allow the upload that and no more than FLAT.
        long storedByTheServer = heapCostOfStoringDirectly();
        Generated upload = new Generated(LIMIT);
        Answer response;
        long chunksBefore = chunks();
        AtomicLong widestGap = new AtomicLong();
        // how far the client ever got ahead of what the service had stored: what the service held in between
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> widestGap.accumulateAndGet(
                upload.produced() - (chunks() - chunksBefore) * GRIDFS_CHUNK, Math::max),
                0, 50, TimeUnit.MILLISECONDS);
        try (HeapSampler heap = new HeapSampler()) {
            response = send(app, "большой архив.bin", upload, true);
            // coarse: a body buffered whole (and copied once, as a buffering reader does) would add 80 MB
            assertThat(heap.growth()).as("heap growth while uploading, beyond what the Mongo server keeps (%d)",
                    storedByTheServer).isLessThan(storedByTheServer + 2 * FLAT);
        } finally {
            watcher.shutdownNow();
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(widestGap.get()).as("bytes sent but not yet stored, at most").isLessThan(FLAT);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode stored = new ObjectMapper().readTree(response.body());
        assertThat(stored.get("size").asLong()).isEqualTo(LIMIT);
        assertThat(stored.get("sha256").asText()).isEqualTo(upload.sha256());
        String id = stored.get("attachmentId").asText();

        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON)
                .body("{\"text\":\"Архив работ участников\",\"attachmentIds\":[\"" + id + "\"]}")
                .when().post("/threads/" + app + "/messages").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/threads/" + app).then().body("entries.find { it.sequence == 2 }.attachments[0].size",
                        equalTo((int) LIMIT)));

        long readByTheServer = heapCostOfReadingDirectly(id);
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/threads/" + app + "/attachments/" + id))
                .header("Authorization", "Bearer " + STAFF).GET().build();
        try (HeapSampler heap = new HeapSampler()) {
            HttpResponse<InputStream> download = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Length")).hasValue(Long.toString(LIMIT));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream in = download.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    total += n;
                }
            }
            assertThat(total).isEqualTo(LIMIT);
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(upload.sha256());
            assertThat(heap.growth()).as("heap growth while downloading, beyond what reading through the driver costs (%d)",
                    readByTheServer).isLessThan(readByTheServer + FLAT);
        }
    }

    @Test
    void oneByteMoreIsRefusedEarlyAndNothingIsKept() throws Exception {
        String app = new Lifecycle(kafka).submitted().applicationId;
        long chunksBefore = chunks();
        long filesBefore = files();

        // announced: refused before the body is read
        Generated announced = new Generated(LIMIT + 1);
        Answer refused = send(app, "big.bin", announced, true);
        if (refused != null) {
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"field\":\"file\"").contains("40 МБ");
        }
        assertThat(announced.produced()).as("bytes the client got to send").isLessThan(LIMIT / 2);

        // not announced (chunked): counted while streaming, refused at the byte past the limit
        Generated chunked = new Generated(LIMIT + 1);
        Answer counted = send(app, "big.bin", chunked, false);
        if (counted != null) {
            assertThat(counted.status()).isEqualTo(413);
            assertThat(counted.body()).contains("\"field\":\"file\"");
        }
        assertThat(chunks()).isEqualTo(chunksBefore);
        assertThat(files()).isEqualTo(filesBefore);
    }

    /**
     * Peak heap while the driver itself streams 40 MB into the in-process Mongo server (which keeps them on this
     * heap), sampled the same way as the upload; the file is then removed.
     */
    long heapCostOfStoringDirectly() throws Exception {
        GridFSBucket bucket = GridFSBuckets.create(
                mongo.getDatabase("heap-baseline"));
        ObjectId id;
        long cost;
        try (HeapSampler heap = new HeapSampler()) {
            id = bucket.uploadFromStream("baseline", new Generated(LIMIT));
            cost = heap.growth();
        }
        bucket.delete(id);
        return Math.max(0, cost);
    }

    /** Peak heap while the driver itself streams the stored file out of the in-process Mongo server. */
    long heapCostOfReadingDirectly(String fileId) throws Exception {
        GridFSBucket bucket = GridFSBuckets.create(
                mongo.getDatabase("messages"), "attachments");
        try (HeapSampler heap = new HeapSampler();
                InputStream in = bucket.openDownloadStream(new ObjectId(fileId))) {
            in.transferTo(OutputStream.nullOutputStream());
            return Math.max(0, heap.growth());
        }
    }

    /** The status, type and body of an answer. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Uploads through a blocking socket (HttpURLConnection in streaming mode): each write waits for the
     * server to take the bytes, so what the generator produced is what reached the server, give or take the
     * socket buffers. Null when the server closed the connection before the answer could be read.
     */
    private Answer send(String app, String name, Generated body, boolean announceLength) throws IOException {
        HttpURLConnection http = (HttpURLConnection) base.resolve("/threads/" + app
                + "/attachments?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Authorization", "Bearer " + SCHOOL);
        http.setRequestProperty("Content-Type", "application/octet-stream");
        if (announceLength) {
            http.setFixedLengthStreamingMode(body.length());
        } else {
            http.setChunkedStreamingMode(64 * 1024);
        }
        try {
            try (OutputStream out = http.getOutputStream()) {
                body.transferTo(out);
            } catch (IOException closedWhileSending) {
                // the server refused and closed; its answer may still be readable
            }
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, String.valueOf(http.getContentType()), text);
        } catch (IOException closed) {
            return null;
        } finally {
            http.disconnect();
        }
    }

    long chunks() {
        return mongo.getDatabase("messages").getCollection("attachments.chunks").countDocuments();
    }

    long files() {
        return mongo.getDatabase("messages").getCollection("attachments.files").countDocuments();
    }

    /** Reproducible pseudo-random bytes, made as they are read and hashed on the way: the client holds none of them. */
    static final class Generated extends InputStream {

        private final long length;
        private final AtomicLong produced = new AtomicLong();
        private final MessageDigest sha;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long length) {
            this.length = length;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long length() {
            return length;
        }

        long produced() {
            return produced.get();
        }

        private String digest;

        /** The hash of everything produced; asked once all is produced. */
        String sha256() {
            if (digest == null) {
                digest = HexFormat.of().formatHex(sha.digest());
            }
            return digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = length - produced.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            sha.update(b, off, n);
            produced.addAndGet(n);
            return n;
        }
    }

    /**
     * Used heap after a full collection, sampled on a thread of its own 300 ms after the previous sample ended; the
     * peak above the start. (A fixed delay, not a fixed rate: a collection takes longer than 300 ms on a loaded
     * machine, and back-to-back full collections starve the in-process broker.)
     */
    static final class HeapSampler implements AutoCloseable {

        private final long baseline = usedAfterGc();
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor();

        HeapSampler() {
            sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(usedAfterGc(), Math::max),
                    0, 300, TimeUnit.MILLISECONDS);
        }

        long growth() {
            peak.accumulateAndGet(usedAfterGc(), Math::max);
            return peak.get() - baseline;
        }

        @Override
        public void close() throws InterruptedException {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }

        static long usedAfterGc() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
