package ru.fioco.training.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.errors.FieldViolation;

/** What a message and an attachment's name may be. */
class MessageRulesTest {

    static final String ID = "65a0c0ffee0000000000000a";

    @Test
    void aMessageNeedsTextOrAFile() {
        assertThat(fields(MessageRules.check("  ", List.of()))).containsExactly("text");
        assertThat(MessageRules.check(null, List.of(ID))).isEmpty();
        assertThat(MessageRules.check("Добрый день", null)).isEmpty();
    }

    @Test
    void tenThousandCharactersAreTheLimitCountedAsCharactersNotBytes() {
        assertThat(MessageRules.check("я".repeat(10_000), List.of())).isEmpty();
        assertThat(MessageRules.check("😀".repeat(10_000), List.of())).isEmpty(); // 20,000 UTF-16 units
        assertThat(fields(MessageRules.check("я".repeat(10_001), List.of()))).containsExactly("text");
    }

    @Test
    void controlCharactersBrokenSurrogatesAndBadFileIdsAreRefused() {
        assertThat(MessageRules.check("строка\nвторая\tтаб", List.of())).isEmpty();
        assertThat(fields(MessageRules.check("a\u0000b", List.of()))).containsExactly("text");
        assertThat(fields(MessageRules.check("a\uD800b", List.of()))).containsExactly("text");
        assertThat(fields(MessageRules.check("x", List.of("../../etc", ID, ID))))
                .containsExactly("attachmentIds[0]", "attachmentIds[2]");
    }

    @Test
    void programsAndScriptsAreRefusedByNameToo() {
        assertThat(AttachmentRules.nameProblem("счёт.pdf")).isEmpty();
        assertThat(AttachmentRules.nameProblem("архив.zip")).isEmpty();
        assertThat(AttachmentRules.nameProblem("акт.pdf.exe")).isPresent();
        assertThat(AttachmentRules.nameProblem("акт.JS")).isPresent();
        assertThat(AttachmentRules.nameProblem("setup.exe. . ")).isPresent();
        assertThat(AttachmentRules.nameProblem(" ")).isPresent();
        assertThat(AttachmentRules.nameProblem("README")).isEmpty();
    }

    private static List<String> fields(List<FieldViolation> problems) {
        return problems.stream().map(FieldViolation::field).toList();
    }
}
