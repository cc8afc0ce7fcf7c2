package ru.fioco.training.application.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.testing.EventGoldenFiles;

/** Pins the JSON of every representative event to a golden file, and the status they move. */
class RepresentativeEventJsonTest {

    static final String ID = "2f1d3c4b-5a69-4788-9abc-def012345678";
    static final RepresentativeProfile PROFILE = new RepresentativeProfile("Сумкин", "Фёдор", "Иванович",
            "МБОУ «Школа № 1»", "Заместитель директора", "Высшее педагогическое", "sumkin@school.ru", "+74951234567",
            "sumkin");

    static final Map<String, RepresentativeEvent> EXAMPLES = Map.of(
            "RepresentativeRegistered", new RepresentativeRegistered(ID, "7707083893", PROFILE,
                    RepresentativeSettings.forTraining(), "2026-12-01", Instant.parse("2026-12-01T09:00:00Z")),
            "RepresentativeProfileChanged", new RepresentativeProfileChanged(ID, PROFILE),
            "RepresentativeSettingsChanged", new RepresentativeSettingsChanged(ID,
                    new RepresentativeSettings(true, true, false)),
            "RepresentativeConfirmed", new RepresentativeConfirmed(ID, "7707083893"),
            "RepresentativeRefused", new RepresentativeRefused(ID, "7707083893", "Не подтверждены полномочия"),
            "RepresentativeRevoked", new RepresentativeRevoked(ID, "7707083893", "Сотрудник уволился"),
            "RepresentativeDataErased", new RepresentativeDataErased(ID, "e1",
                    PersonalDataErased.ErasureBasis.CONSENT_WITHDRAWN, "staff-1", Instant.parse("2027-03-01T10:00:00Z")));

    @Test
    void everyEventWritesAndReadsItsGoldenJson() {
        EventGoldenFiles.check(RepresentativeEvent.class, EXAMPLES, RepresentativeEventJsonTest.class);
    }

    @Test
    void theStatusMovesByTheDecisionsOnly() {
        RepresentativeStatus s = RepresentativeStatus.after(null, EXAMPLES.get("RepresentativeRegistered"));
        assertThat(s).isEqualTo(RepresentativeStatus.PENDING);
        assertThat(RepresentativeStatus.after(s, EXAMPLES.get("RepresentativeSettingsChanged")))
                .isEqualTo(RepresentativeStatus.PENDING);
        assertThat(RepresentativeStatus.after(s, EXAMPLES.get("RepresentativeConfirmed")))
                .isEqualTo(RepresentativeStatus.CONFIRMED);
        assertThat(RepresentativeStatus.after(RepresentativeStatus.CONFIRMED, EXAMPLES.get("RepresentativeRevoked")))
                .isEqualTo(RepresentativeStatus.REVOKED);
        assertThat(RepresentativeStatus.after(RepresentativeStatus.REVOKED, EXAMPLES.get("RepresentativeDataErased")))
                .isEqualTo(RepresentativeStatus.ERASED);
        assertThat(RepresentativeStatus.REFUSED.title()).isEqualTo("отказано");
    }
}
