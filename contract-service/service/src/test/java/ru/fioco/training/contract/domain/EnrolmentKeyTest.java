package ru.fioco.training.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The enrolment key is random, readable and unguessable. */
class EnrolmentKeyTest {

    @Test
    void tenThousandKeysNeverRepeatAndNoneContainsTheApplicationNumber() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = EnrolmentKey.generate();
            assertThat(key).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(key).doesNotContain("000").doesNotContain("148998");
            keys.add(key);
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void carriesAtLeastSixtyFourBitsOfEntropyInReadableCharacters() {
        assertThat(EnrolmentKey.entropyBits()).isGreaterThanOrEqualTo(64);
        assertThat(EnrolmentKey.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    }
}
