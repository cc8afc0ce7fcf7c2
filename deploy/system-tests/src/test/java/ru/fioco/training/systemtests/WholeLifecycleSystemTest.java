package ru.fioco.training.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static ru.fioco.training.systemtests.LifecycleDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.devstack.ServiceProcess;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.systemtests.LifecycleDriver.App;

/**
 * The promise of the design, end to end: the four services as separate processes on the embedded stack, <b>two
 * processes of each</b> as production runs them, driven through REST only with the calls spread over both (round
 * robin). Ten applications of two organisations go the whole way (one withdrawn, one with a rejected and replaced
 * passport, one paid after the services, one post-payment never paid whose certificates are withheld); one process
 * of every service is killed (SIGKILL) in the middle and started again; rebuilds started while the lifecycles run
 * end equal; every notice, mail (as the SMTP server received them), number, certificate and history entry is there
 * once. Then every read model of every service is rebuilt with the same checksum, and document-service is stopped
 * while the others keep working and, restarted, catches up.
 */
class WholeLifecycleSystemTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String ERASED = "удалено";
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
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, List.of(FreePorts.pick(), FreePorts.pick())));
        try (LocalPlatform platform = LocalPlatform.startReplicated(root, dataDir, ports)) {
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

            App done = apps.get(4);
            App corrected = apps.get(5);
            NextStepWalk walk = new NextStepWalk(drive, done, start);

            // one programme each: an organisation has one open application per programme
            apps.forEach(a -> drive.programme(a, "Функциональная грамотность, поток " + a.n, start));
            apps.forEach(drive::draft);
            // a draft without its scans is not submitted: the refusal names each missing scan by participant and slot
            assertThat(drive.submissionRefused(done).getList("errors.field", String.class)).containsExactlyInAnyOrder(
                    "participants[0].documents.PASSPORT", "participants[0].documents.SNILS",
                    "participants[0].documents.EDUCATION");
            walk.organisation("Загрузите паспорт: Петров П. П. (и ещё 2)", walk.submissionDeadline());
            apps.forEach(drive::scans);
            walk.organisation("Проверьте заявку и отправьте её", walk.submissionDeadline());
            apps.forEach(drive::submit);
            // a process of application-service and one of document-service die while the submissions' events are
            // consumed; the other process of each takes the calls until the killed one is back
            killAndStartAgain(platform, "application-service", Map.of());
            killAndStartAgain(platform, "document-service", Map.of());
            LocalDate reviewDue = LocalDate.parse(drive.call("application-service", staff)
                    .when().get("/applications/" + done.id).then().extract().path("summary.reviewDueDate"));
            walk.organisation("Ожидайте проверки заявки", reviewDue);
            walk.institute("Рассмотрите заявку и проверьте документы (3)", reviewDue);
            drive.withdraw(withdrawn, "Участник уволился");
            going.forEach(drive::takeIntoWork);
            walk.organisation("Подпишите договор и согласие на обработку персональных данных и загрузите их сканы",
                    walk.conclusionDeadline());
            walk.institute("Проверьте документы (3)", walk.conclusionDeadline());

            // a participant corrected after submission: staff see old -> new, the contract's next draft names them
            await().atMost(WAIT).untilAsserted(() -> drive.call("contract-service", corrected.token)
                    .when().get("/contracts/" + corrected.id).then().statusCode(200).body("drafts.size()", equalTo(1)));
            drive.correctSurname(corrected, 0, "Петровский").then().statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> drive.call("application-service", staff)
                    .when().get("/applications/" + corrected.id).then().statusCode(200)
                    .body("corrections[0].changes.find { it.field == 'surname' }.before", equalTo("Петров"))
                    .body("corrections[0].changes.find { it.field == 'surname' }.after", equalTo("Петровский")));
            await().atMost(WAIT).untilAsserted(() -> drive.call("contract-service", corrected.token)
                    .when().get("/contracts/" + corrected.id).then().statusCode(200)
                    .body("drafts.size()", equalTo(2))
                    .body("drafts[1].note", equalTo("Исправлены данные участника"))
                    .body("participants[0].fullName", startsWith("Петровский Пётр Петрович")));

            going.forEach(a -> drive.participantDocuments(a, a == replaced));
            going.forEach(drive::signedContract);
            walk.organisation("Ожидайте проверки документов и заключения договора", walk.conclusionDeadline());
            walk.institute("Заключите договор", walk.conclusionDeadline());
            going.forEach(drive::conclude);
            // rebuilds begun while the work goes on: one from an event store, one read again from Kafka
            drive.startRebuild("contract-service", "contract-board");
            drive.startRebuild("application-service", "history");
            // a process of messaging-service is killed (SIGKILL: nothing flushed, no claim or lease released) while the
            // conclusions' notices, mails and reminders are under way, and started again: every one of them comes once
            killAndStartAgain(platform, "messaging-service", Map.of());
            // after conclusion nothing about the participants changes
            await().atMost(WAIT).untilAsserted(() -> drive.correctSurname(corrected, 1, "Иванов").then()
                    .statusCode(409).contentType("application/problem+json").body("rule", equalTo("participants-locked")));
            String invoice = drive.call("contract-service", staff).when().get("/contracts/" + done.id).then()
                    .extract().path("invoice.number");
            walk.organisation("Оплатите счёт № " + invoice, walk.workingDaysAfter(today, 5));
            walk.institute(null, null);
            going.stream().filter(a -> a.terms.equals("PREPAYMENT")).forEach(a -> drive.pay(a, today));
            walk.organisation("Передайте участникам адрес курса и кодовое слово; курс начинается "
                    + NextStepWalk.DATE.format(start), start);

            // after the course: contract-service's clock is moved past the programme's end
            long daysAhead = ChronoUnit.DAYS.between(today, start.plusDays(15));
            // one process killed, not stopped, the other stopped: both come back with the moved clock; the numbers and
            // certificates issued after it still come once each
            Map<String, String> later = Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(daysAhead).toString());
            ServiceProcess killed = killAndStartAgain(platform, "contract-service", later);
            ServiceProcess stopped = platform.replicas("contract-service").stream().filter(p -> p != killed)
                    .findFirst().orElseThrow();
            platform.replace(stopped, later).awaitReady(Duration.ofMinutes(3));
            for (App a : going) {
                drive.act(a);
                if (a == paidAfter) {
                    drive.pay(a, today.plusDays(daysAhead));
                }
                if (a == done) {
                    String act = drive.call("contract-service", staff).when().get("/contracts/" + done.id).then()
                            .extract().path("act.number");
                    walk.organisation("Подпишите акт оказания услуг № " + act + " и загрузите его скан", null);
                }
                drive.signedAct(a);
            }
            await().atMost(WAIT).untilAsserted(() -> drive.call("contract-service", staff).when()
                    .get("/contracts/" + done.id).then().body("originalsDueDate", notNullValue()));
            LocalDate originalsDue = LocalDate.parse(drive.call("contract-service", staff).when()
                    .get("/contracts/" + done.id).then().extract().path("originalsDueDate"));
            walk.organisation("Отправьте оригиналы подписанных документов почтой", originalsDue);
            walk.institute("Отметьте получение оригиналов документов", originalsDue);
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
            walk.organisation(null, null);
            walk.institute(null, null);
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

            // the rebuilds begun in the middle of the run ended equal to the live models, across both processes
            for (String[] begun : List.of(new String[] {"contract-service", "contract-board"},
                    new String[] {"application-service", "history"})) {
                JsonPath rebuilt = drive.rebuilt(begun[0], begun[1]);
                assertThat(rebuilt.getString("state")).as(begun[1]).isEqualTo("REBUILT");
                assertThat(rebuilt.getBoolean("matches")).as(begun[1]).isTrue();
            }
            await().atMost(WAIT).until(() -> platform.services().stream().allMatch(ServiceProcess::isReady));

            // 152-FZ: the completed application's participant whose passport was replaced withdraws consent; staff
            // destroy their data: the history, the contract, the register export and the notices read «удалено» for
            // them (within the services' key cache), everyone else's data stay, and the act of destruction is produced
            String erased = drive.call("application-service", staff).when().get("/applications/" + replaced.id).then()
                    .extract().path("form.participants[0].participantId");
            String act = drive.call("application-service", staff).contentType(ContentType.JSON)
                    .body(Map.of("subject", "PARTICIPANT", "participantId", erased, "basis", "CONSENT_WITHDRAWN"))
                    .when().post("/applications/" + replaced.id + "/erasures").then().statusCode(201).extract().path("act");
            int year = LocalDate.now(MOSCOW).plusDays(daysAhead).getYear();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(drive.call("application-service", staff).when().get("/applications/" + replaced.id).then()
                        .extract().jsonPath().getString("form.participants[0].surname")).isEqualTo(ERASED);
                assertThat(drive.call("application-service", staff).when().get("/applications/" + replaced.id
                        + "/history").then().extract().jsonPath().getString(
                        "steps.find { it.type == 'ApplicationDrafted' }.data.form.participants[0].surname"))
                        .isEqualTo(ERASED);
                JsonPath contract = drive.call("contract-service", staff).when().get("/contracts/" + replaced.id).then()
                        .statusCode(200).extract().jsonPath();
                assertThat(contract.getString("participants[0].fullName")).isEqualTo(ERASED);
                assertThat(contract.getString("certificates[0].holderName")).isEqualTo(ERASED);
                String number = contract.getString("certificates[0].registrationNumber");
                String row = drive.call("contract-service", staff).queryParam("year", year).when()
                        .get("/staff/certificate-register.csv").then().statusCode(200).extract().asString().lines()
                        .filter(l -> l.contains(number)).findFirst().orElseThrow();
                assertThat(row).contains(ERASED).doesNotContain("Петров", LifecycleDriver.snils(1000));
                List<String> rejected = drive.call("messaging-service", staff).when().get("/threads/" + replaced.id)
                        .then().extract().jsonPath().getList("entries.findAll { it.kind == 'DOCUMENT_REJECTED' }.text",
                                String.class);
                assertThat(rejected).isNotEmpty().allSatisfy(t -> assertThat(t).contains(ERASED).doesNotContain("Петров"));
                // the stored contract draft keeps names sealed: its download names the erased person «удалено», the
                // signatory (another person) as before
                assertThat(docxText(drive.call("contract-service", staff).when().get("/contracts/" + replaced.id
                        + "/documents/" + contract.getString("drafts[0].contractDocumentId")).then().statusCode(200)
                        .extract().asByteArray())).contains(ERASED, "Кузнецова").doesNotContain("Петров");
                // their scans were sealed with their key: destroyed with it
                String passport = drive.call("document-service", staff).when().get("/applications/" + replaced.id
                        + "/documents").then().extract().path("participants[0].slots.find { it.slot == 'PASSPORT' }"
                        + ".versions[0].documentId");
                drive.call("document-service", staff).when().get("/applications/" + replaced.id + "/documents/files/"
                        + passport).then().statusCode(410).contentType(startsWith("application/problem+json"));
            });
            JsonPath other = drive.call("contract-service", staff).when().get("/contracts/" + done.id).then().extract()
                    .jsonPath();
            assertThat(docxText(drive.call("contract-service", staff).when().get("/contracts/" + done.id + "/documents/"
                    + other.getString("drafts[0].contractDocumentId")).then().statusCode(200).extract().asByteArray()))
                    .as("another person's contract").contains("Петров Пётр");
            assertThat(drive.call("contract-service", staff).when().get("/contracts/" + done.id).then().extract()
                    .jsonPath().getString("participants[0].fullName")).as("another person's data").startsWith("Петров");
            // the act's extract has every service's views of the person: staff's reads here, and the contract draft
            // downloaded and the register exported in contract-service, shipped to application-service by Kafka
            await().atMost(WAIT).untilAsserted(() -> assertThat(docxText(drive.call("application-service", drive.auditor)
                    .when().get(act).then().statusCode(200).contentType(startsWith(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                    .extract().asByteArray())).contains("просмотрены данные участников", "скачан документ договора",
                            "выгружен реестр удостоверений").doesNotContain("Петров"));

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
            everythingOnce(drive, staff, apps, platform);

            // document-service stops; the others keep working (a draft whose scans are in is submitted and taken into
            // work); restarted, it catches up with nothing lost
            App late = new App(10, INN_B, schoolB, "PREPAYMENT", 1);
            drive.programme(late, "Поздний поток", start);
            drive.draft(late);
            drive.scans(late);
            platform.replicas("document-service").forEach(p -> p.stop(Duration.ofSeconds(30)));
            drive.submit(late);
            drive.takeIntoWork(late);
            await().atMost(WAIT).untilAsserted(() -> drive.call("contract-service", late.token).when()
                    .get("/contracts/" + late.id).then().statusCode(200).body("drafts.size()", equalTo(1)));
            await().atMost(WAIT).untilAsserted(() -> drive.call("messaging-service", late.token).when()
                    .get("/threads/" + late.id).then().statusCode(200));
            platform.replicas("document-service").forEach(p -> platform.replace(p, Map.of()));
            platform.replicas("document-service").forEach(p -> p.awaitReady(Duration.ofMinutes(3)));
            await().atMost(WAIT).untilAsserted(() -> drive.call("document-service", late.token)
                    .when().get("/applications/" + late.id + "/documents").then().statusCode(200)
                    .body("participantsFixed", equalTo(true)));
            drive.call("document-service", staff).when().get("/applications/" + replaced.id + "/documents").then()
                    .statusCode(200).body("participants[0].slots.find { it.slot == 'PASSPORT' }.versions.size()", equalTo(2));
            drive.call("document-service", late.token).contentType(ContentType.JSON).when()
                    .get("/applications/" + replaced.id + "/documents").then().statusCode(404);

            // 152-FZ: after all of it, no person's data lie in plaintext in any topic, dead-letter topic, event store,
            // snapshot, read model or copy (the scans' bytes aside)
            assertThat(PlaintextScan.findings(platform.kafka().bootstrapServers(), platform.mongo().connectionString()))
                    .as("where a person's data lie in plaintext").isEmpty();
        }
    }

    /**
     * SIGKILLs the first process of the service and starts it again with {@code environment} added; returns at once
     * (the other process takes the calls meanwhile), the new process joining the round robin once it is ready.
     */
    private static ServiceProcess killAndStartAgain(LocalPlatform platform, String service,
            Map<String, String> environment) {
        ServiceProcess victim = platform.replicas(service).get(0);
        victim.kill();
        ServiceProcess fresh = platform.replace(victim, environment);
        Thread ready = new Thread(() -> fresh.awaitReady(Duration.ofMinutes(3)), "ready-" + service);
        ready.setDaemon(true);
        ready.start();
        return fresh;
    }

    /**
     * The front page's next steps of one application, checked at each stage: the representative's and the
     * institute's text and due date, the deadlines counted on the production calendar from the programme's start.
     */
    static final class NextStepWalk {

        static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        private final ProductionCalendar calendar = ProductionCalendar.official();
        private final LifecycleDriver drive;
        private final App app;
        private final LocalDate start;

        NextStepWalk(LifecycleDriver drive, App app, LocalDate start) {
            this.drive = drive;
            this.app = app;
            this.start = start;
        }

        LocalDate submissionDeadline() {
            return calendar.lastDayNoLaterThanWorkingDaysBefore(start, 7).date();
        }

        LocalDate conclusionDeadline() {
            return calendar.lastDayNoLaterThanWorkingDaysBefore(start, 3).date();
        }

        LocalDate workingDaysAfter(LocalDate day, int n) {
            return calendar.endOfWorkingDaysAfter(day, n).date();
        }

        /** The representative's step (null text: nothing to do), as their front page shows it. */
        void organisation(String text, LocalDate due) {
            expect(app.token, "organisation", text, due);
        }

        /** What the institute owes next, as staff's front page shows it. */
        void institute(String text, LocalDate due) {
            expect(drive.staff, "institute", text, due);
        }

        private void expect(String token, String side, String text, LocalDate due) {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonPath next = drive.nextSteps(app, token);
                if (text == null) {
                    assertThat(next.getMap(side)).as(side).isNull();
                } else {
                    assertThat(next.getString(side + ".text")).as(side).isEqualTo(text);
                    assertThat(next.getString(side + ".dueDate")).as(side + " " + text)
                            .isEqualTo(due == null ? null : due.toString());
                }
            });
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

    /**
     * After a process of every service was killed mid-lifecycle: no notice twice in a thread, no mail twice (by its notice header
     * and recipient), no contract, invoice, act or certificate number twice.
     */
    private static void everythingOnce(LifecycleDriver drive, String staff, List<App> apps, LocalPlatform platform) {
        for (App a : apps) {
            JsonPath thread = drive.call("messaging-service", staff).when().get("/threads/" + a.id).then()
                    .statusCode(200).extract().jsonPath();
            // a notice is once per cause: the same kind with the same text twice would be one posted again
            List<String> notices = new ArrayList<>();
            List<Map<String, Object>> entries = thread.getList("entries.findAll { it.type == 'NOTICE' }");
            entries.forEach(e -> notices.add(e.get("kind") + " " + e.get("title") + ": " + e.get("text")));
            assertThat(notices).as("notices of " + a.id).isNotEmpty().doesNotHaveDuplicates();
        }
        List<String> mails = new ArrayList<>();
        for (MimeMessage m : platform.mail().received()) {
            try {
                String[] notice = m.getHeader("X-Training-Notice");
                for (Address to : m.getAllRecipients()) {
                    mails.add((notice == null ? m.getSubject() : notice[0]) + " -> " + to);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(mails).as("mails").isNotEmpty().doesNotHaveDuplicates();
        List<String> numbers = new ArrayList<>();
        for (App a : apps) {
            JsonPath contract = drive.call("contract-service", staff).when().get("/contracts/" + a.id).then()
                    .extract().jsonPath();
            if (contract.getString("applicationNumber") == null) {
                continue; // withdrawn before a contract was opened
            }
            numbers.add("contract " + contract.getString("applicationNumber"));
            if (contract.getString("invoice.number") != null) {
                numbers.add("invoice " + contract.getString("invoice.number"));
            }
            if (contract.getString("act.number") != null) {
                numbers.add("act " + contract.getString("act.number"));
            }
            contract.getList("certificates.registrationNumber", String.class).forEach(n -> numbers.add("certificate " + n));
        }
        assertThat(numbers).as("numbers").doesNotHaveDuplicates();
        for (App a : apps) {
            List<Map<String, Object>> steps = drive.call("application-service", staff).when()
                    .get("/applications/" + a.id + "/history").then().statusCode(200).extract().jsonPath()
                    .getList("steps");
            assertThat(steps.stream().map(st -> st.get("service") + " " + st.get("type") + " " + st.get("time") + " #"
                    + st.get("sequence") + " " + st.get("summary")).toList()).as("history of " + a.id)
                    .isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(numbers.stream().filter(n -> n.startsWith("certificate "))).isNotEmpty();
    }

    private static int threadEntries(LifecycleDriver drive, String staff, App a) {
        return drive.call("messaging-service", staff).when().get("/threads/" + a.id).then().statusCode(200).extract()
                .jsonPath().getList("entries").size();
    }

    /** The text of a Word document (its main part), to read what a download says. */
    static String docxText(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
