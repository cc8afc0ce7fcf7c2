package ru.fioco.training.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names made safe to store and to serve back (plain objects). */
class SafeFileNameTest {

    @Test
    void keepsTheBaseNameWithoutPathsControlOrReservedCharacters() {
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.of("C:\\Users\\Анна\\скан паспорта.pdf")).isEqualTo("скан паспорта.pdf");
        assertThat(SafeFileName.of("счёт\u0000\u202e.pdf")).isEqualTo("счёт.pdf");
        assertThat(SafeFileName.of("a<b>c:\"d|e?f*.jpg")).isEqualTo("abcdef.jpg");
        assertThat(SafeFileName.of("  .hidden.png ")).isEqualTo("hidden.png");
    }

    @Test
    void nothingLeftOrNothingGivenIsCalledFile() {
        assertThat(SafeFileName.of(null)).isEqualTo("file");
        assertThat(SafeFileName.of("...")).isEqualTo("file");
        assertThat(SafeFileName.of("/")).isEqualTo("file");
    }

    @Test
    void aLongNameIsCutKeepingItsExtensionAndWholeCharacters() {
        String cut = SafeFileName.of("д".repeat(300) + ".pdf");
        assertThat(cut).endsWith(".pdf").hasSize(SafeFileName.MAX_LENGTH);
        String emoji = SafeFileName.of("😀".repeat(200) + ".png");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(SafeFileName.MAX_LENGTH);
        assertThat(emoji).endsWith(".png").doesNotContain("\uFFFD");
    }

    @Test
    void aNameNoFileManagerMakesIsRefusedWithAReason() {
        assertThat(SafeFileName.problem("паспорт.pdf")).isEmpty();
        assertThat(SafeFileName.problem(null)).isEmpty();
        assertThat(SafeFileName.problem("dir/паспорт.pdf")).contains("имя файла не должно содержать путь");
        assertThat(SafeFileName.problem("a\u0007b.pdf")).contains("имя файла содержит управляющие символы");
        assertThat(SafeFileName.problem("я".repeat(256))).hasValueSatisfying(p -> assertThat(p).contains("255"));
    }
}
