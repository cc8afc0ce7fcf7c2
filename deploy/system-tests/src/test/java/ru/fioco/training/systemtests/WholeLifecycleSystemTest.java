package ru.fioco.training.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static ru.fioco.training.systemtests.LifecycleDriver.WAIT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.systemtests.LifecycleDriver.App;

/**
 * The promise of the design, end to end: the four services as separate processes on the embedded stack,
 * driven through REST only. Ten applications of two organisations go the whole way (one withdrawn, one
 * with a rejected and replaced passport, one paid after the services, one post-payment never paid whose
 * certificates are withheld); every read model of every service is then dropped and rebuilt with the same
 * checksum; then document-service is stopped while the others keep working and, restarted, catches up.
 */
class WholeLifecycleSystemTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String INN_A = "7707083893";
    static final String INN_B = "7736207543";
    static Path dataDir;
    static Path root;

    @BeforeAll
    static void paths() throws Exception {
        root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("lifecycle-system-test-");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void tenApplicationsGoTheWholeWayTheReadModelsRebuildIdenticallyAndAStoppedServiceCatchesUp() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
        try (LocalPlatform platform = LocalPlatform.start(root, dataDir, ports)) {
            LifecycleDriver drive = new LifecycleDriver(platform);
            String staff = drive.staff;
            String schoolA = drive.representative(INN_A);
            String schoolB = drive.representative(INN_B);
            LocalDate today = LocalDate.now(MOSCOW);
            LocalDate start = today.plusDays(45);

            List<App> apps = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                boolean b = i >= 6;
                apps.add(new App(i, b ? INN_B : INN_A, b ? schoolB : schoolA, i == 2 || i == 3 ? "POSTPAYMENT" : "PREPAYMENT",
                        i == 5 ? 2 : 1));
            }
            App withdrawn = apps.get(0);
            App replaced = apps.get(1);
            App unpaid = apps.get(2);
            App paidAfter = apps.get(3);
            List<App> going = apps.subList(1, apps.size());

            // one programme each: an organisation has one open application per programme
            apps.forEach(a -> drive.programme(a, "Функциональная грамотность, поток " + a.n, start));
            apps.forEach(drive::draftAndSubmit);
            drive.withdraw(withdrawn, "Участник уволился");
            going.forEach(drive::takeIntoWork);
            going.forEach(a -> drive.participantDocuments(a, a == replaced));
            going.forEach(drive::signedContract);
            going.forEach(drive::conclude);
            going.stream().filter(a -> a.terms.equals("PREPAYMENT")).forEach(a -> drive.pay(a, today));

            // after the course: contract-service's clock is moved past the programme's end
            long daysAhead = ChronoUnit.DAYS.between(today, start.plusDays(15));
            platform.restart("contract-service", Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(daysAhead).toString()));
            for (App a : going) {
                drive.act(a);
                if (a == paidAfter) {
                    drive.pay(a, today.plusDays(daysAhead));
                }
                drive.signedAct(a);
            }
            for (App a : going) {
                drive.originalsAndResults(a);
                if (a == unpaid) {
                    drive.call("contract-service", staff).when().post("/contracts/" + a.id + "/certificates").then()
                            .statusCode(422);
                } else {
                    drive.certificates(a);
                }
                drive.ship(a);
            }

            // the applications' ends, as application-service learned them from contract-service
            going.forEach(a -> drive.awaitStatus(a, a == unpaid ? "IN_WORK" : "COMPLETED"));
            drive.awaitStatus(withdrawn, "WITHDRAWN");
            drive.call("contract-service", staff).when().get("/contracts/" + unpaid.id).then()
                    .body("status", not(equalTo("CLOSED"))).body("certificates.size()", equalTo(0));
            drive.call("contract-service", staff).when().get("/contracts/" + replaced.id).then()
                    .body("status", equalTo("CLOSED"));

            // one more goes back to its school for correction: a draft again, in the history too
            App returned = new App(11, INN_A, schoolA, "PREPAYMENT", 1);
            drive.programme(returned, "Функциональная грамотность, поток 11", start);
            drive.draftAndSubmit(returned);
            drive.returnForCorrection(returned, "Исправьте должность участника");
            drive.awaitStatus(returned, "DRAFT");

            // the history's state as of now is what each service shows now, whatever the end: withdrawn, completed,
            // unpaid, paid late, returned
            apps.forEach(a -> historyAgreesWithTheLiveViews(drive, a));
            historyAgreesWithTheLiveViews(drive, returned);

            // the history of a completed application: every step, masked for the auditor
            App done = apps.get(4);
            await().atMost(WAIT).untilAsserted(() -> assertThat(drive.call("application-service", drive.auditor)
                    .when().get("/applications/" + done.id + "/history").then().statusCode(200).extract().jsonPath()
                    .getList("steps.type", String.class)).contains("ApplicationDrafted", "ApplicationSubmitted",
                    "ApplicationTakenIntoWork", "DocumentUploaded", "DocumentAccepted", "ApplicationDocumentsAccepted",
                    "ContractOpened", "ContractDraftsIssued", "ContractConcluded", "CourseAccessGranted", "InvoiceIssued",
                    "PaymentRecorded", "ServiceActIssued", "SignedActAccepted", "OriginalsReceived",
                    "TrainingResultRecorded", "CertificateIssued", "PackageShipped", "ContractClosed",
                    "ApplicationCompleted", "ThreadOpened", "NoticePosted"));
            String masked = drive.call("application-service", drive.auditor).when().get("/applications/" + done.id + "/history")
                    .then().extract().asString();
            assertThat(masked).doesNotContain(LifecycleDriver.snils(1000).replaceAll("\\D", ""), "school-" + INN_A,
                    "Петров Пётр");
            assertThat(JsonPath.from(masked).getList("steps.service", String.class)).contains("application-service",
                    "document-service", "contract-service", "messaging-service");

            // every read model of every service, dropped and rebuilt from its event store or, for the copies kept
            // from other services' topics and the history, read again from Kafka offset 0: the same checksums, and
            // no policy acts again (every thread keeps exactly its notices)
            Map<String, Integer> notices = new HashMap<>();
            apps.forEach(a -> notices.put(a.id, threadEntries(drive, staff, a)));
            List<String> fromKafka = new ArrayList<>();
            for (String service : LocalPlatform.LOCAL_PORTS.keySet()) {
                List<String> models = drive.readModels(service);
                assertThat(models).as(service).isNotEmpty();
                for (String model : models) {
                    String before = drive.call(service, staff).when().get("/admin/read-models/" + model).then()
                            .extract().path("checksum");
                    JsonPath after = drive.rebuild(service, model);
                    assertThat(after.getString("state")).as(service + " " + model).isEqualTo("REBUILT");
                    assertThat(after.getString("checksumAfter")).as(service + " " + model).isEqualTo(before);
                    assertThat(after.getBoolean("matches")).as(service + " " + model).isTrue();
                    if ("KAFKA".equals(after.getString("source"))) {
                        fromKafka.add(model);
                        assertThat(after.getLong("eventsReplayed")).as(service + " " + model)
                                .isEqualTo(after.getLong("eventsToReplay"));
                    }
                }
            }
            assertThat(fromKafka).contains("history", "programme-copy", "applications-copy", "document-facts",
                    "application-facts", "contract-facts");
            apps.forEach(a -> assertThat(threadEntries(drive, staff, a)).as(a.id).isEqualTo(notices.get(a.id)));

            // document-service stops; the others keep working; restarted, it catches up with nothing lost
            platform.service("document-service").stop(Duration.ofSeconds(30));
            App late = new App(10, INN_B, schoolB, "PREPAYMENT", 1);
            drive.programme(late, "Поздний поток", start);
            drive.draftAndSubmit(late);
            drive.takeIntoWork(late);
            await().atMost(WAIT).untilAsserted(() -> drive.call("contract-service", late.token).when()
                    .get("/contracts/" + late.id).then().statusCode(200).body("drafts.size()", equalTo(1)));
            await().atMost(WAIT).untilAsserted(() -> drive.call("messaging-service", late.token).when()
                    .get("/threads/" + late.id).then().statusCode(200));
            platform.restart("document-service", Map.of());
            await().atMost(WAIT).untilAsserted(() -> drive.call("document-service", late.token)
                    .when().get("/applications/" + late.id + "/documents").then().statusCode(200)
                    .body("participantsFixed", equalTo(true)));
            drive.call("document-service", staff).when().get("/applications/" + replaced.id + "/documents").then()
                    .statusCode(200).body("participants[0].slots.find { it.slot == 'PASSPORT' }.versions.size()", equalTo(2));
            drive.call("document-service", late.token).contentType(ContentType.JSON).when()
                    .get("/applications/" + replaced.id + "/documents").then().statusCode(404);
        }
    }

    /** The history's state of the application, folded from the four topics, against each service's own view. */
    private static void historyAgreesWithTheLiveViews(LifecycleDriver drive, App a) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath state = drive.call("application-service", drive.staff).when()
                    .get("/applications/" + a.id + "/history").then().statusCode(200).extract().jsonPath();
            JsonPath application = drive.call("application-service", drive.staff).when().get("/applications/" + a.id)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(state.getString("state.application.status")).as(a.id)
                    .isEqualTo(application.getString("summary.status"));
            assertThat(state.getString("state.application.statusTitle")).isEqualTo(application.getString("summary.statusTitle"));
            assertThat(state.getString("state.application.number")).isEqualTo(application.getString("summary.number"));

            JsonPath documents = drive.call("document-service", drive.staff).when()
                    .get("/applications/" + a.id + "/documents").then().statusCode(200).extract().jsonPath();
            List<String> marks = new ArrayList<>(documents.getList("participants.slots.flatten().indicator", String.class));
            marks.addAll(documents.getList("applicationSlots.indicator", String.class));
            assertThat(state.getInt("state.documents.uploaded")).as(a.id)
                    .isEqualTo((int) marks.stream().filter(m -> !m.equals("MISSING")).count());
            assertThat(state.getInt("state.documents.accepted")).isEqualTo(Collections.frequency(marks, "ACCEPTED"));
            assertThat(state.getInt("state.documents.rejected")).isEqualTo(Collections.frequency(marks, "REJECTED"));
            assertThat(state.getInt("state.documents.awaitingReview")).isEqualTo(Collections.frequency(marks, "ATTENTION"));

            var contract = drive.call("contract-service", drive.staff).when().get("/contracts/" + a.id).then().extract();
            if (contract.statusCode() == 404) {
                assertThat(state.getMap("state.contract")).as(a.id).isNull();
            } else {
                JsonPath live = contract.jsonPath();
                assertThat(state.getString("state.contract.status")).as(a.id).isEqualTo(live.getString("status"));
                assertThat(state.getString("state.contract.label")).isEqualTo(live.getString("statusLabel"));
                assertThat(state.getString("state.contract.payment")).isEqualTo(live.getString("payment"));
                assertThat(state.getBoolean("state.contract.fullyPaid")).isEqualTo(live.getBoolean("fullyPaid"));
                assertThat(state.getInt("state.contract.certificates")).isEqualTo(live.getList("certificates").size());
                List<String> tracking = live.getList("shipments.trackingNumber", String.class);
                assertThat(state.getString("state.contract.trackingNumber"))
                        .isEqualTo(tracking.isEmpty() ? null : tracking.get(tracking.size() - 1));
            }

            JsonPath thread = drive.call("messaging-service", drive.staff).when().get("/threads/" + a.id).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(state.getBoolean("state.thread.open")).as(a.id).isEqualTo(!thread.getBoolean("closed"));
            List<String> types = thread.getList("entries.type", String.class);
            assertThat(state.getInt("state.thread.messages")).isEqualTo(Collections.frequency(types, "MESSAGE"));
            assertThat(state.getInt("state.thread.notices")).isEqualTo(Collections.frequency(types, "NOTICE"));
        });
    }

    private static int threadEntries(LifecycleDriver drive, String staff, App a) {
        return drive.call("messaging-service", staff).when().get("/threads/" + a.id).then().statusCode(200).extract()
                .jsonPath().getList("entries").size();
    }
}
