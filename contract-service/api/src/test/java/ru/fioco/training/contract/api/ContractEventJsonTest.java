package ru.fioco.training.contract.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.testing.EventGoldenFiles;

/** Pins the JSON of every contract event to a golden file; the enrolment key and people's names are marked. */
class ContractEventJsonTest {

    static final String APP = "9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final ContractTerms TERMS = new ContractTerms("000-000123", "7707083893", "МБОУ «Школа № 1»", "773601001",
            "044525225", "Москва, ул. Кремлёвская, д. 1", "prog-1", "Функциональная грамотность", LocalDate.of(2027, 2, 1),
            LocalDate.of(2027, 2, 12), 36, "PREPAYMENT", List.of(new ContractTerms.Participant("p1", "Петров Пётр Петрович", "Математика")), new BigDecimal("12000.00"),
            "https://lms.fioco.ru/course/view.php?id=42", "Иванова Мария Петровна", "tutor@fioco.ru");

    static final Map<String, ContractEvent> EXAMPLES = Map.ofEntries(
            Map.entry("ContractOpened", new ContractOpened(APP, TERMS, new BigDecimal("12000.00"))),
            Map.entry("ContractDraftsIssued", new ContractDraftsIssued(APP, 2, "d1", "d2", "Изменён п. 3", true)),
            Map.entry("ContractConcluded", new ContractConcluded(APP, LocalDate.of(2027, 1, 27), 2)),
            Map.entry("CourseAccessGranted", new CourseAccessGranted(APP, "https://lms.fioco.ru/course/view.php?id=42",
                    "KQ7M-X4TD-9PWE-H3RA", "Иванова Мария Петровна", "tutor@fioco.ru", "Войдите на платформу...",
                    List.of(new CourseAccessGranted.Tutor("Иванова Мария Петровна", "tutor@fioco.ru"),
                            new CourseAccessGranted.Tutor("Сидоров Олег Ильич", "sidorov@fioco.ru")))),
            Map.entry("InvoiceIssued", new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("12000.00"),
                    LocalDate.of(2027, 1, 27), "d3", LocalDate.of(2027, 2, 3), false)),
            Map.entry("PaymentRecorded", new PaymentRecorded(APP, "512", LocalDate.of(2027, 1, 29),
                    new BigDecimal("12000.00"), new BigDecimal("12000.00"), true)),
            Map.entry("ServiceActIssued", new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "d4",
                    LocalDate.of(2027, 2, 18), false)),
            Map.entry("SignedActAccepted", new SignedActAccepted(APP, LocalDate.of(2027, 2, 19), false)),
            Map.entry("OriginalsReceived", new OriginalsReceived(APP, LocalDate.of(2027, 2, 18), 2, 1, "80081234567890", false)),
            Map.entry("TrainingResultRecorded", new TrainingResultRecorded(APP, "p1", true)),
            Map.entry("CertificateIssued", new CertificateIssued(APP, "p1", "ПК-2027-000001", LocalDate.of(2027, 2, 20),
                    "Петров Пётр Петрович", "772400", "0000015")),
            Map.entry("PackageShipped", new PackageShipped(APP, "80085012345678", true,
                    List.of(PackageShipped.Item.CONTRACT, PackageShipped.Item.ACT, PackageShipped.Item.INVOICE,
                            PackageShipped.Item.CERTIFICATES))),
            Map.entry("ContractParticipantCorrected", new ContractParticipantCorrected(APP, "p1",
                    "Петрова Мария Ивановна (Математика)")),
            Map.entry("ContractClosed", new ContractClosed(APP)),
            Map.entry("ContractChangesRequested", new ContractChangesRequested(APP, 1, "Изменить п. 4: оплата в 10 дней")),
            Map.entry("ContractCountersigned", new ContractCountersigned(APP, "d7", "договор-подписан.pdf")),
            Map.entry("ContractProgrammeMoved", new ContractProgrammeMoved(APP, LocalDate.of(2027, 2, 15),
                    LocalDate.of(2027, 2, 26), "По новым датам программы срок заключения договора прошёл")),
            Map.entry("ContractCancelled", new ContractCancelled(APP, LocalDate.of(2027, 1, 22), "Школа отказалась")),
            Map.entry("ContractTerminated", new ContractTerminated(APP, LocalDate.of(2027, 2, 4), "Соглашение сторон",
                    new BigDecimal("6000.00"))));

    @Test
    void everyEventWritesAndReadsItsGoldenJson() {
        EventGoldenFiles.check(ContractEvent.class, EXAMPLES, ContractEventJsonTest.class);
    }

    @Test
    void theEnrolmentKeyIsConfidentialAndNamesArePersonalData() {
        assertThat(CourseAccessGranted.class.getRecordComponents())
                .filteredOn(c -> c.isAnnotationPresent(Confidential.class))
                .extracting(RecordComponent::getName).containsExactly("enrolmentKey");
        assertThat(CertificateIssued.class.getRecordComponents())
                .filteredOn(c -> c.isAnnotationPresent(PersonalData.class))
                .extracting(RecordComponent::getName).containsExactly("holderName");
        assertThat(ContractTerms.Participant.class.getRecordComponents())
                .filteredOn(c -> c.isAnnotationPresent(PersonalData.class))
                .extracting(RecordComponent::getName).containsExactly("fullName");
    }

    /** Events stored before their new fields read as they meant then (the history and every copy replay them). */
    @Test
    void eventsRecordedBeforeTheirNewFieldsReadAsTheyMeantThen() throws Exception {
        var json = ru.fioco.training.platform.json.EventJson.mapper();
        OriginalsReceived originals = json.readValue("""
                {"applicationId":"a","receivedOn":"2027-02-18"}""", OriginalsReceived.class);
        assertThat(originals.completesTheSet()).isTrue();
        assertThat(originals.actCopiesOrAll()).isEqualTo(2);
        assertThat(originals.contractCopiesOrAll()).isEqualTo(2);
        ServiceActIssued act = json.readValue("""
                {"applicationId":"a","actNumber":"АКТ-2027-000001","issuedOn":"2027-02-15","documentId":"d4"}""",
                ServiceActIssued.class);
        assertThat(act.originalsDueDate()).isNull();
        CourseAccessGranted access = json.readValue("""
                {"applicationId":"a","courseUrl":"https://lms/42","enrolmentKey":"K","tutorName":"Иванова М. П.",
                 "tutorEmail":"t@fioco.ru","instructions":"..."}""", CourseAccessGranted.class);
        assertThat(access.allTutors()).containsExactly(new CourseAccessGranted.Tutor("Иванова М. П.", "t@fioco.ru"));
        PackageShipped shipped = json.readValue("""
                {"applicationId":"a","trackingNumber":"80085012345678","withCertificates":true}""", PackageShipped.class);
        assertThat(shipped.items()).isEmpty();
        assertThat(json.readValue("""
                {"applicationId":"a","concludedOn":"2027-01-27"}""", ContractConcluded.class).agreedVersion()).isNull();
        assertThat(json.readValue("""
                {"applicationId":"a","version":1,"contractDocumentId":"d1","consentDocumentId":"d2"}""",
                ContractDraftsIssued.class).uploaded()).isFalse();
        ContractTerms.Participant participant = json.readValue("""
                {"participantId":"p1","fullName":"Петров Пётр (Математика)"}""", ContractTerms.Participant.class);
        assertThat(participant.personName()).isEqualTo("Петров Пётр");
        assertThat(participant.listedName()).isEqualTo("Петров Пётр (Математика)");
        assertThat(ContractStatus.after(ContractStatus.ACT_SIGNED, originals)).isEqualTo(ContractStatus.ORIGINALS_RECEIVED);
        assertThat(ContractStatus.after(ContractStatus.ACT_ISSUED, new OriginalsReceived("a", null, 1, 0, null, false)))
                .isEqualTo(ContractStatus.ACT_ISSUED);
    }
}
