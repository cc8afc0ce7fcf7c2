package ru.fioco.training.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Copies of records without their personal and confidential fields (plain objects). */
class MarkedFieldsTest {

    record Person(@PersonalData String name, @PersonalData LocalDate birthDate, String city) {
    }

    record Card(String number, @Confidential String pin, @PersonalData List<String> phones, Person holder) {
    }

    @Test
    void markedTextReadsThePlaceholderOtherMarkedValuesAreEmptyTheRestStays() {
        Card card = new Card("42", "1234", List.of("+79161234567"), new Person("Пётр", LocalDate.of(1980, 1, 1), "Москва"));

        Card hidden = MarkedFields.hidden(card, "скрыто");

        assertThat(hidden.number()).isEqualTo("42");
        assertThat(hidden.pin()).isEqualTo("скрыто");
        assertThat(hidden.phones()).containsExactly("скрыто");
        assertThat(hidden.holder()).isEqualTo(new Person("скрыто", null, "Москва"));
        assertThat(card.pin()).as("the original is left as it was").isEqualTo("1234");
        assertThat(MarkedFields.of(Card.class)).containsExactly("pin", "phones");
        assertThat(MarkedFields.hidden((Card) null, "скрыто")).isNull();
    }
}
