package ru.fioco.training.document.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.EventGoldenFiles;

/** Pins the JSON of every document event to a golden file; file names (personal data) are marked. */
class DocumentEventJsonTest {

    static final String APP = "9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d";

    static final Map<String, DocumentEvent> EXAMPLES = Map.ofEntries(
            Map.entry("DocumentFileOpened", new DocumentFileOpened(APP, "7707083893",
                    List.of(new ParticipantSlots("p1", "Петров Пётр Петрович (Математика)", false)))),
            Map.entry("ParticipantsFixed", new ParticipantsFixed(APP,
                    List.of(new ParticipantSlots("p1", "Иванова Мария (История)", true)), true, true)),
            Map.entry("DocumentUploaded", new DocumentUploaded(APP, "p1", DocumentSlot.PASSPORT, 2,
                    "65f1a2b3c4d5e6f708192a3b", 183_240, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "image/jpeg", "паспорт.jpg", "school@example.ru")),
            Map.entry("DocumentAccepted", new DocumentAccepted(APP, "p1", DocumentSlot.PASSPORT, 2)),
            Map.entry("DocumentRejected", new DocumentRejected(APP, null, DocumentSlot.SIGNED_CONTRACT, 1,
                    "Нет подписи руководителя")),
            Map.entry("DocumentDownloaded", new DocumentDownloaded(APP, "p1", DocumentSlot.PASSPORT, 2,
                    "65f1a2b3c4d5e6f708192a3b", "staff@fioco.ru", "staff")),
            Map.entry("ParticipantDocumentsAccepted", new ParticipantDocumentsAccepted(APP, "p1")),
            Map.entry("ApplicationDocumentsAccepted", new ApplicationDocumentsAccepted(APP)),
            Map.entry("UploadsClosed", new UploadsClosed(APP, "Организация отказалась")));

    /** Revision 1 had no {@code locked}: it still reads, as not locked. */
    @Test
    void participantsFixedOfTheFirstRevisionStillReads() throws Exception {
        ParticipantsFixed old = EventJson.mapper().readValue(EventGoldenFiles.text("ParticipantsFixed.v1",
                DocumentEventJsonTest.class), ParticipantsFixed.class);
        assertThat(old.fixed()).isTrue();
        assertThat(old.locked()).isFalse();
    }

    @Test
    void everyEventWritesAndReadsItsGoldenJson() {
        EventGoldenFiles.check(DocumentEvent.class, EXAMPLES, DocumentEventJsonTest.class);
    }

    @Test
    void namesOfPeopleAndFilesAreMarkedAsPersonalData() throws Exception {
        assertThat(DocumentUploaded.class.getRecordComponents()).filteredOn(c -> c.isAnnotationPresent(PersonalData.class))
                .extracting(RecordComponent::getName).containsExactly("fileName");
        assertThat(ParticipantSlots.class.getRecordComponents()).filteredOn(c -> c.isAnnotationPresent(PersonalData.class))
                .extracting(RecordComponent::getName).containsExactly("displayName");
    }
}
