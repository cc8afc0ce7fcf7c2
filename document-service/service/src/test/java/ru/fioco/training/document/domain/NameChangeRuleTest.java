package ru.fioco.training.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a participant needs a name-change document. */
class NameChangeRuleTest {

    @Test
    void aDifferentSurnameInTheDiplomaRequiresIt() {
        assertThat(NameChangeRule.required("Иванова", "Сидорова")).isTrue();
    }

    @Test
    void caseSpacesAndYoWrittenAsYeAreNoDifference() {
        assertThat(NameChangeRule.required("Пётров", " ПЕТРОВ ")).isFalse();
        assertThat(NameChangeRule.required("Семёнова", "семенова")).isFalse();
    }

    @Test
    void anEmptyDiplomaSurnameRequiresNothing() {
        assertThat(NameChangeRule.required("Петров", "")).isFalse();
        assertThat(NameChangeRule.required("Петров", null)).isFalse();
    }
}
