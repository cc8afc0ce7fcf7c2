package ru.fioco.training.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalDataCipher;
import ru.fioco.training.platform.json.PersonalDataModule;
import ru.fioco.training.platform.json.PersonalText;

/**
 * The event JSON holds personal data only as ciphertext under each person's own key, reads it back in plaintext,
 * and reads «удалено» once that person's key is destroyed while everyone else's data stay readable.
 */
class PersonalDataEncryptionTest {

    record Person(String personId, @PersonalData(subject = "personId") String surname,
            @PersonalData(subject = "personId") LocalDate birthDate, String subject) {
    }

    record Contact(@PersonalData(subject = "applicant") String email, @PersonalData List<String> notes) {
    }

    record Filed(String applicationId, Contact contact, List<Person> people, @PersonalData String comment) {
    }

    record Orphan(@PersonalData String text) {
    }

    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[96]);

    private KeyVault vault;
    private String namespace;
    private PersonalDataCipher before;

    @BeforeEach
    void start() {
        namespace = "keyvault-" + UUID.randomUUID().toString().substring(0, 8) + ".datakeys";
        vault = new KeyVault(SharedTestStack.get().mongo().connectionString(), namespace, MASTER_KEY,
                Duration.ofMillis(1));
        before = PersonalDataModule.useCipher(vault);
    }

    @AfterEach
    void stop() {
        PersonalDataModule.useCipher(before);
        vault.close();
    }

    private Filed filed() {
        return new Filed("APP-1", new Contact("ivanova@school.ru", List.of("позвонить после 15:00")),
                List.of(new Person("p-1", "Петров", LocalDate.of(1980, 2, 29), "математика"),
                        new Person("p-2", "Сидорова", LocalDate.of(1991, 12, 31), "физика")),
                "Иванова просит счёт");
    }

    @Test
    void personalFieldsAreStoredAsCiphertextAndReadBackInPlaintext() throws Exception {
        String json = EventJson.mapper().writeValueAsString(filed());

        for (String plain : List.of("Петров", "Сидорова", "1980-02-29", "1991-12-31", "ivanova@school.ru",
                "позвонить", "Иванова")) {
            assertThat(json).doesNotContain(plain);
        }
        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(tree.at("/people/0/subject").asText()).as("what is not personal stays readable")
                .isEqualTo("математика");
        assertThat(tree.at("/people/0/surname").asText()).startsWith("pd1:t:");
        assertThat(tree.at("/people/0/birthDate").asText()).startsWith("pd1:j:");
        assertThat(EventJson.mapper().readValue(json, Filed.class)).isEqualTo(filed());
        assertThat(vault.holdsKeyOf("participant:p-1")).isFalse();
        assertThat(vault.holdsKeyOf("person:p-1")).isTrue();
        assertThat(vault.holdsKeyOf("person:p-2")).isTrue();
        assertThat(vault.holdsKeyOf("applicant:APP-1")).isTrue();
        assertThat(vault.holdsKeyOf("application:APP-1")).isTrue();
    }

    @Test
    void anErasedPersonReadsAsErasedAndNobodyElseDoes() throws Exception {
        String json = EventJson.mapper().writeValueAsString(filed());

        assertThat(vault.erase("person:p-1")).isTrue();
        assertThat(vault.erase("person:p-1")).as("nothing left to destroy").isFalse();

        Filed read = EventJson.mapper().readValue(json, Filed.class);
        assertThat(read.people().get(0)).isEqualTo(new Person("p-1", PersonalDataModule.ERASED, null, "математика"));
        assertThat(read.people().get(1)).isEqualTo(filed().people().get(1));
        assertThat(read.contact()).isEqualTo(filed().contact());
        assertThat(read.comment()).isEqualTo(filed().comment());

        // a second process that had the key cached loses it within its key cache time
        try (KeyVault other = new KeyVault(SharedTestStack.get().mongo().connectionString(), namespace, MASTER_KEY,
                Duration.ofMillis(1))) {
            assertThat(other.open(EventJson.mapper().readTree(json).at("/people/0/surname").asText()
                    .substring("pd1:t:".length()))).isEmpty();
        }

        // written again (a rebuild, a value derived from erased data): nothing of the erased person is stored, and no
        // key is made for them; the others are sealed as before
        String again = EventJson.mapper().writeValueAsString(filed());
        assertThat(EventJson.mapper().readTree(again).at("/people/0/surname").asText()).isEqualTo(PersonalDataModule.ERASED);
        assertThat(EventJson.mapper().readTree(again).at("/people/0/birthDate").isNull()).isTrue();
        assertThat(EventJson.mapper().readTree(again).at("/people/1/surname").asText()).startsWith("pd1:t:");
        assertThat(vault.holdsKeyOf("person:p-1")).isFalse();
        assertThat(vault.erased("person:p-1")).isTrue();
        assertThat(vault.erased("person:p-2")).isFalse();
    }

    @Test
    void aRecordKeptApartFromItsEventIsWrittenAroundItsApplication() throws Exception {
        Contact contact = filed().contact();
        assertThatThrownBy(() -> EventJson.mapper().writeValueAsString(new Orphan("Иванова")))
                .hasMessageContaining("Orphan.text");

        String json = EventJson.writerAround("APP-2").writeValueAsString(contact);
        assertThat(json).doesNotContain("ivanova@school.ru");
        assertThat(vault.holdsKeyOf("applicant:APP-2")).isTrue();
        assertThat(EventJson.mapper().readValue(json, Contact.class)).isEqualTo(contact);
    }

    @Test
    void plaintextWrittenBeforeEncryptionStillReads() throws Exception {
        String old = "{\"applicationId\":\"APP-0\",\"contact\":{\"email\":\"old@school.ru\",\"notes\":[\"x\"]},"
                + "\"people\":[{\"personId\":\"p-0\",\"surname\":\"Старов\",\"birthDate\":\"1970-01-01\"}],"
                + "\"comment\":null}";
        Filed read = EventJson.mapper().readValue(old, Filed.class);
        assertThat(read.people().get(0).surname()).isEqualTo("Старов");
        assertThat(read.contact().email()).isEqualTo("old@school.ru");
    }

    /** A read model's mutable state: its marked public fields are sealed like a record's components. */
    static final class Slot {
        public String personId;
        @PersonalData(subject = "personId")
        public String shortName;
        public int version;
    }

    @Test
    void aReadModelsStateAndItsOwnFieldsKeepOnlyCiphertextAndCompareByWhatTheyRead() throws Exception {
        Slot slot = new Slot();
        slot.personId = "p-3";
        slot.shortName = "Орлов О. О.";
        slot.version = 2;
        String json = EventJson.mapper().writeValueAsString(slot);
        assertThat(json).doesNotContain("Орлов").contains("\"version\":2");
        assertThat(EventJson.mapper().readValue(json, Slot.class).shortName).isEqualTo("Орлов О. О.");

        String sealed = PersonalText.seal("person:p-3", "Орлов О. О.");
        assertThat(sealed).startsWith("pd1:t:").doesNotContain("Орлов");
        assertThat(PersonalText.seal("person:p-3", "Орлов О. О.")).as("a random IV: never the same twice")
                .isNotEqualTo(sealed);
        assertThat(PersonalText.open(sealed)).isEqualTo("Орлов О. О.");
        assertThat(PersonalText.open("как было")).as("never sealed: as stored").isEqualTo("как было");
        assertThat(PersonalText.openWithin(json)).as("a kept JSON compares by what it reads")
                .isEqualTo(PersonalText.openWithin(EventJson.mapper().writeValueAsString(slot)))
                .contains("Орлов");
        assertThat(PersonalText.blindIndex("петров")).isEqualTo(PersonalText.blindIndex("петров"))
                .isNotEqualTo(PersonalText.blindIndex("петровский")).doesNotContain("петров").hasSize(64);

        vault.erase("person:p-3");
        assertThat(PersonalText.open(sealed)).isEqualTo(PersonalDataModule.ERASED);
        assertThat(EventJson.mapper().readValue(json, Slot.class).shortName).isEqualTo(PersonalDataModule.ERASED);
        assertThat(PersonalText.seal("person:p-3", PersonalDataModule.ERASED)).as("erased stays erased, keyless")
                .isEqualTo(PersonalDataModule.ERASED);
        assertThat(PersonalText.seal("person:p-3", "удалено у. у.")).as("derived from erased data: not stored")
                .isEqualTo(PersonalDataModule.ERASED);
        assertThat(vault.holdsKeyOf("person:p-3")).isFalse();
    }

    /** An erasure replaces the driver's client while other threads decrypt: they finish first (a crash otherwise). */
    @Test
    void erasuresWhileOtherThreadsDecryptAndEncryptNeitherCrashNorLoseAnyoneElse() throws Exception {
        String kept = vault.seal("person:keep", "Орлова").orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> readers = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        assertThat(vault.open(kept)).contains("Орлова");
                        vault.seal("person:keep", "Орлова");
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 20; i++) {
            String sealed = vault.seal("person:gone-" + i, "Иванов").orElseThrow();
            assertThat(vault.erase("person:gone-" + i)).isTrue();
            assertThat(vault.open(sealed)).isEmpty();
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failed.get()).isNull();
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefusedAtStart() {
        assertThatThrownBy(() -> new KeyVault(SharedTestStack.get().mongo().connectionString(), namespace,
                java.util.Base64.getEncoder().encodeToString(new byte[32]), Duration.ofSeconds(1)))
                .hasMessageContaining("96 bytes");
    }
}
