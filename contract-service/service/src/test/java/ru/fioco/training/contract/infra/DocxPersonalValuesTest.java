package ru.fioco.training.contract.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.json.PersonalDataCipher;
import ru.fioco.training.platform.json.PersonalDataModule;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.personaldata.KeyVault;

/**
 * A contract's Word document keeps each person's name sealed with that person's key: no name in the stored file, every
 * name in a download, «удалено» for an erased person and the others' names intact; a draft edited in a word processor
 * (names in the clear, split across runs) is sealed again.
 */
class DocxPersonalValuesTest {

    private KeyVault vault;
    private PersonalDataCipher before;

    @BeforeEach
    void start() {
        vault = new KeyVault(SharedTestStack.get().mongo().connectionString(),
                "keyvault-" + UUID.randomUUID().toString().substring(0, 8) + ".datakeys",
                Base64.getEncoder().encodeToString(new byte[96]), Duration.ofMillis(1));
        before = PersonalDataModule.useCipher(vault);
    }

    @AfterEach
    void stop() {
        PersonalDataModule.useCipher(before);
        vault.close();
    }

    @Test
    void aStoredDraftHoldsNoNameAndADownloadReadsEveryoneButTheErased() throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("applicationNumber", "ЗК-2027-000001");
        byte[] stored = DocxPaperwork.render("contract-PREPAYMENT", values, List.of(
                PersonalText.seal("participant:p-1", "Петров Пётр Петрович (математика)"),
                PersonalText.seal("participant:p-2", "Сидорова Анна Ильинична (физика)")));

        assertThat(xml(stored)).doesNotContain("Петров", "Сидорова").contains("pd1:t:");
        assertThat(text(DocxPersonalValues.openedDocument(new ByteArrayInputStream(stored))))
                .contains("Петров Пётр Петрович (математика)", "Сидорова Анна Ильинична (физика)");

        vault.erase("participant:p-1");

        assertThat(text(DocxPersonalValues.openedDocument(new ByteArrayInputStream(stored))))
                .doesNotContain("Петров").contains(PersonalDataModule.ERASED, "Сидорова Анна Ильинична (физика)");
    }

    @Test
    void anEditedDraftIsSealedAgainEvenWhereAWordProcessorSplitTheName() throws IOException {
        byte[] edited;
        try (XWPFDocument doc = new XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            XWPFParagraph whole = doc.createParagraph();
            whole.createRun().setText("Слушатель: Петров Пётр Петрович, учитель");
            XWPFParagraph split = doc.createParagraph();
            split.createRun().setText("Подпись: Сидо");
            split.createRun().setText("рова Анна Ильинична");
            doc.write(out);
            edited = out.toByteArray();
        }
        byte[] sealed;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(edited))) {
            sealed = DocxPersonalValues.sealed(doc, Map.of("Петров Пётр Петрович", "participant:p-1",
                    "Сидорова Анна Ильинична", "participant:p-2", "Петров", "participant:p-1"));
        }

        assertThat(xml(sealed)).doesNotContain("Петров", "Сидо", "рова Анна");
        assertThat(text(DocxPersonalValues.openedDocument(new ByteArrayInputStream(sealed))))
                .contains("Слушатель: Петров Пётр Петрович, учитель", "Подпись: Сидорова Анна Ильинична");
    }

    /** Every part of the zip as text: what lies in GridFS. */
    private static String xml(byte[] docx) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }
}
