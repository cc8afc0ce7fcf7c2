package ru.fioco.training.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    void theNameEndsWithTheExtensionOfWhatTheFileIs() {
        assertThat(SafeFileName.withExtension("паспорт.exe", List.of(".pdf"))).isEqualTo("паспорт.pdf");
        assertThat(SafeFileName.withExtension("скан", List.of(".pdf"))).isEqualTo("скан.pdf");
        assertThat(SafeFileName.withExtension("фото.JPEG", List.of(".jpg", ".jpeg"))).isEqualTo("фото.JPEG");
        assertThat(SafeFileName.withExtension("фото.png", List.of(".jpg", ".jpeg"))).isEqualTo("фото.jpg");
        assertThat(SafeFileName.withExtension("отчёт.2026.final", List.of(".pdf"))).isEqualTo("отчёт.2026.pdf");
        assertThat(SafeFileName.withExtension("архив.zip", List.of())).isEqualTo("архив.zip");
        String longest = SafeFileName.withExtension("д".repeat(SafeFileName.MAX_LENGTH), List.of(".pdf"));
        assertThat(longest).endsWith(".pdf").hasSize(SafeFileName.MAX_LENGTH);
    }

    @Test
    void aNameNoFileManagerMakesIsRefusedWithAReason() {
        assertThat(SafeFileName.problem("паспорт.pdf")).isEmpty();
        assertThat(SafeFileName.problem(null)).isEmpty();
        // browsers send a path with the name: only the base name counts
        assertThat(SafeFileName.problem("C:\\fakepath\\паспорт.pdf")).isEmpty();
        assertThat(SafeFileName.problem("dir/паспорт.pdf")).isEmpty();
        assertThat(SafeFileName.problem("C:\\" + "d".repeat(300) + "\\паспорт.pdf")).isEmpty();
        assertThat(SafeFileName.problem("a\u0007b.pdf")).contains("имя файла содержит управляющие символы");
        assertThat(SafeFileName.problem("я".repeat(256))).hasValueSatisfying(p -> assertThat(p).contains("255"));
    }
}
