package ru.fioco.training.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;
import ru.fioco.training.platform.testing.CloudEventSender;

/**
 * The other services' events as they arrive on their topics, for one application: what application-,
 * document- and contract-service would publish. Each event gets a fresh CloudEvent id, remembered so a
 * test can deliver the same records again.
 */
public final class Lifecycle {

    public static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    public static final String INN = "7707083893";
    public static final String OTHER_INN = "500100732259";
    public static final String SCHOOL = TOKENS.representative("school@example.ru", INN);
    public static final String OTHER_SCHOOL = TOKENS.representative("other@example.ru", OTHER_INN);
    public static final String STAFF = TOKENS.staff("staff@fioco.ru");
    public static final String AUDITOR = TOKENS.auditor("auditor@fioco.ru");
    public static final String APPS = "ru.fioco.training.applications.";
    public static final String DOCS = "ru.fioco.training.documents.";
    public static final String CONTRACTS = "ru.fioco.training.contracts.";

    /** A record as sent: enough to send it again unchanged. */
    public record Sent(String topic, String key, String ceId, String type, Object event) {
    }

    public final String applicationId = UUID.randomUUID().toString();
    public final String programmeId = "prog-" + UUID.randomUUID();
    public final String applicantEmail = "smirnova." + applicationId.substring(0, 8) + "@school1.ru";
    public final String inn;
    public final List<Sent> sent = new ArrayList<>();
    private final String kafka;

    public Lifecycle(String kafka) {
        this(kafka, INN);
    }

    public Lifecycle(String kafka, String inn) {
        this.kafka = kafka;
        this.inn = inn;
    }

    public Sent application(Object event) {
        return send("applications", APPS, event);
    }

    public Sent document(Object event) {
        return send("documents", DOCS, event);
    }

    public Sent contract(Object event) {
        return send("contracts", CONTRACTS, event);
    }

    public Sent send(String topic, String typePrefix, Object event) {
        Sent s = new Sent(topic, applicationId, UUID.randomUUID().toString(),
                typePrefix + event.getClass().getSimpleName(), event);
        resend(List.of(s));
        sent.add(s);
        return s;
    }

    /** Delivers the same records again, same ids: what a consumer sees after an offset reset. */
    public void resend(List<Sent> records) {
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            records.forEach(s -> sender.send(s.topic(), s.key(), s.ceId(), s.type(), s.event()));
        }
    }

    /** The programme, the draft and its submission (review due 26 November 2026); waits until the thread is open. */
    public Lifecycle submitted() {
        return submitted(LocalDate.of(2026, 11, 26));
    }

    public Lifecycle submitted(LocalDate reviewDue) {
        application(new ProgrammePublished(programmeId, "Функциональная грамотность", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 12), 36, List.of("Математика"), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        application(new ApplicationDrafted(applicationId, inn, ApplicationType.TRAINING, form()));
        application(new ApplicationSubmitted(applicationId, number(),
                Instant.parse("2026-11-23T09:00:00Z"), reviewDue, false, form()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/threads/" + applicationId).then().statusCode(200));
        return this;
    }

    /** The number application-service would give this application on submission. */
    public String number() {
        return "000-000" + (100 + Math.abs(applicationId.hashCode() % 900));
    }

    public ApplicationForm form() {
        ApplicationForm.Applicant applicant = new ApplicationForm.Applicant("Смирнова", "Анна", "Сергеевна", "Заместитель директора",
                "+74951234567", "+79161234567", applicantEmail);
        ApplicationForm.Organisation organisation = new ApplicationForm.Organisation("77 - г. Москва",
                "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»", "МБОУ «Школа № 1»",
                "school1@edu.ru", null, "Москва, ул. Кремлёвская, д. 1", "Москва, ул. Кремлёвская, д. 1", inn, "773601001",
                "044525225");
        ApplicationForm.Participant p1 = new ApplicationForm.Participant("p1", "Петров", "Пётр", "Петрович",
                ApplicationForm.Sex.MALE, "Учитель математики", LocalDate.of(1980, 1, 1), "Математика",
                ApplicationForm.EducationLevel.HIGHER, "Петров", null, "1", "11223344595", "petrov@school1.ru");
        return new ApplicationForm(applicant, ApplicationForm.ResultDelivery.PAPER, false, null,
                ApplicationForm.PaymentTerms.PREPAYMENT, programmeId, organisation, true, List.of(p1));
    }

    /** The terms contract-service would open this application's contract with. */
    public ContractTerms contractTerms() {
        return new ContractTerms("000-000101", inn, "МБОУ «Школа № 1»", "773601001", "044525225",
                "Москва, ул. Кремлёвская, д. 1", programmeId, "Функциональная грамотность", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 12), 36, "PREPAYMENT", List.of(new ContractTerms.Participant("p1", "Петров Пётр Петрович")),
                new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=42", "Иванова Мария Петровна",
                "tutor@fioco.ru");
    }
}
