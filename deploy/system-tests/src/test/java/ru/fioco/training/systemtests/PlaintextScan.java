package ru.fioco.training.systemtests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * Reads everything the platform stored, every record of every Kafka topic (the domain topics and the consumers'
 * dead-letter topics) and every document of every MongoDB collection, and names where a person's data lie in
 * plaintext. Stored files (GridFS) are read too: their bytes as stored, and a Word document's (a zip's) entries
 * unpacked, so a scan or a contract kept in the clear is found as well.
 */
final class PlaintextScan {

    /** A person's data as the lifecycle driver files them: names, SNILS, birth date, phones, e-mails. */
    static final Map<String, Pattern> PERSONAL = personal();

    private PlaintextScan() {
    }

    private static Map<String, Pattern> personal() {
        Map<String, Pattern> found = new TreeMap<>();
        // the tutor «Иванова Мария Петровна» and the accountant «Петрова Анна Сергеевна» (the institute's requisites
        // on invoices and acts) are the institute's staff, not a participant
        found.put("participant's surname or patronymic", Pattern.compile("Петров(?!на|а Анна Сергеевна)"));
        found.put("participant's name", Pattern.compile("Пётр"));
        found.put("participant's birth date", Pattern.compile("1980-01-01"));
        String snils = LifecycleDriver.snils(1000);
        found.put("participant's SNILS", Pattern.compile(Pattern.quote(snils) + "|" + snils.replaceAll("\\D", "")));
        found.put("participant's e-mail", Pattern.compile("petrov\\d+\\.\\d+@"));
        found.put("applicant's name", Pattern.compile("Сумкин|Фёдор"));
        found.put("applicant's phone", Pattern.compile("123-45-67"));
        found.put("applicant's e-mail", Pattern.compile("sumkin\\d+@"));
        found.put("signatory's name", Pattern.compile("Кузнецова"));
        found.put("a scan's content", Pattern.compile(Pattern.quote(LifecycleDriver.SCAN_TEXT)));
        return found;
    }

    /** Where each kind of personal data was found in plaintext: {@code topic|database.collection -> kinds}. */
    static Map<String, Set<String>> findings(String kafkaBootstrap, String mongoConnection) {
        Map<String, Set<String>> found = new TreeMap<>();
        kafka(kafkaBootstrap, found);
        mongo(mongoConnection, found);
        return found;
    }

    private static void kafka(String bootstrap, Map<String, Set<String>> found) {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        StringBuilder text = new StringBuilder();
                        if (record.key() != null) {
                            text.append(new String(record.key(), StandardCharsets.UTF_8)).append('\n');
                        }
                        if (record.value() != null) {
                            text.append(new String(record.value(), StandardCharsets.UTF_8)).append('\n');
                        }
                        for (Header header : record.headers()) {
                            text.append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
                        }
                        look("kafka " + topic, text.toString(), found);
                    }
                }
            }
        }
    }

    private static void mongo(String connection, Map<String, Set<String>> found) {
        try (MongoClient client = MongoClients.create(connection)) {
            for (String name : client.listDatabaseNames()) {
                if (List.of("admin", "local", "config").contains(name)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    if (collection.endsWith(".chunks")) {
                        files(database, collection.substring(0, collection.length() - ".chunks".length()), found);
                        continue;
                    }
                    for (Document document : database.getCollection(collection).find()) {
                        look("mongo " + name + "." + collection, document.toJson(), found);
                    }
                }
            }
        }
    }

    /** Every file of a GridFS bucket, as stored: a zip's entries unpacked, anything else read as bytes. */
    private static void files(MongoDatabase database, String bucket, Map<String, Set<String>> found) {
        GridFSBucket files = GridFSBuckets.create(database, bucket);
        for (GridFSFile file : files.find()) {
            ByteArrayOutputStream stored = new ByteArrayOutputStream();
            files.downloadToStream(file.getObjectId(), stored);
            byte[] bytes = stored.toByteArray();
            String where = "gridfs " + database.getName() + "." + bucket;
            if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        look(where, new String(zip.readAllBytes(), StandardCharsets.UTF_8), found);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                look(where, new String(bytes, StandardCharsets.UTF_8), found);
                look(where, new String(bytes, StandardCharsets.ISO_8859_1), found);
            }
        }
    }

    private static void look(String where, String text, Map<String, Set<String>> found) {
        PERSONAL.forEach((kind, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.computeIfAbsent(where, w -> new TreeSet<>()).add(kind);
            }
        });
    }
}
