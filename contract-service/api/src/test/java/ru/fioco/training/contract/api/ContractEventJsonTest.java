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
            LocalDate.of(2027, 2, 12), 36, "PREPAYMENT", List.of(new ContractTerms.Participant("p1", "Петров Пётр (Математика)")), new BigDecimal("12000.00"),
            "https://lms.fioco.ru/course/view.php?id=42", "Иванова Мария Петровна", "tutor@fioco.ru");

    static final Map<String, ContractEvent> EXAMPLES = Map.ofEntries(
            Map.entry("ContractOpened", new ContractOpened(APP, TERMS, new BigDecimal("12000.00"))),
            Map.entry("ContractDraftsIssued", new ContractDraftsIssued(APP, 2, "d1", "d2", "Изменён п. 3")),
            Map.entry("ContractConcluded", new ContractConcluded(APP, LocalDate.of(2027, 1, 27))),
            Map.entry("CourseAccessGranted", new CourseAccessGranted(APP, "https://lms.fioco.ru/course/view.php?id=42",
                    "KQ7M-X4TD-9PWE-H3RA", "Иванова Мария Петровна", "tutor@fioco.ru", "Войдите на платформу...")),
            Map.entry("InvoiceIssued", new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("12000.00"),
                    LocalDate.of(2027, 1, 27), "d3")),
            Map.entry("PaymentRecorded", new PaymentRecorded(APP, "512", LocalDate.of(2027, 1, 29),
                    new BigDecimal("12000.00"), new BigDecimal("12000.00"), true)),
            Map.entry("ServiceActIssued", new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "d4")),
            Map.entry("SignedActAccepted", new SignedActAccepted(APP, LocalDate.of(2027, 2, 19), false)),
            Map.entry("OriginalsReceived", new OriginalsReceived(APP, LocalDate.of(2027, 2, 18))),
            Map.entry("TrainingResultRecorded", new TrainingResultRecorded(APP, "p1", true)),
            Map.entry("CertificateIssued", new CertificateIssued(APP, "p1", "ПК-2027-000001", LocalDate.of(2027, 2, 20),
                    "Петров Пётр Петрович")),
            Map.entry("PackageShipped", new PackageShipped(APP, "80085012345678", true)),
            Map.entry("ContractParticipantCorrected", new ContractParticipantCorrected(APP, "p1",
                    "Петрова Мария Ивановна (Математика)")),
            Map.entry("ContractClosed", new ContractClosed(APP)));

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
}
