package ru.fioco.training.contract.infra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import ru.fioco.training.contract.domain.Paperwork;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.UploadPolicy;

/**
 * The contract's documents as DOCX (Apache POI), so that staff and schools can edit a draft; the wording
 * is in {@code templates/*.txt} (one paragraph a line, {@code ${name}} placeholders); stored in this
 * service's GridFS.
 */
@ApplicationScoped
public class DocxPaperwork implements Paperwork {

    /** Generated files are ours: any type, no readability check, a generous limit. */
    static final UploadPolicy GENERATED = new UploadPolicy(20L * 1024 * 1024, Set.of(), Set.of(), false);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Inject
    FileStore files;

    @Override
    public String contractDraft(DraftData d) {
        return store("Проект договора " + d.applicationNumber() + " v" + d.version() + ".docx",
                render("contract-" + d.paymentTerms(), values(d), d.participants()));
    }

    @Override
    public String consentForm(DraftData d) {
        return store("Согласие на обработку ПД " + d.applicationNumber() + ".docx", render("consent", values(d), List.of()));
    }

    @Override
    public String invoice(InvoiceData i) {
        Map<String, String> v = Map.of("invoiceNumber", i.invoiceNumber(), "issuedOn", DATE.format(i.issuedOn()),
                "organisationFullName", i.organisationFullName(), "inn", i.organisationInn(),
                "applicationNumber", i.applicationNumber(), "programmeTitle", i.programmeTitle(),
                "participantCount", Integer.toString(i.participants()), "price", money(i.pricePerParticipant()),
                "total", money(i.total()), "payBy", DATE.format(i.payBy()));
        return store("Счёт " + i.invoiceNumber() + ".docx", render("invoice", v, List.of()));
    }

    @Override
    public String act(InvoiceData i) {
        Map<String, String> v = Map.of("actNumber", i.invoiceNumber(), "issuedOn", DATE.format(i.issuedOn()),
                "organisationFullName", i.organisationFullName(), "inn", i.organisationInn(),
                "applicationNumber", i.applicationNumber(), "programmeTitle", i.programmeTitle(),
                "participantCount", Integer.toString(i.participants()), "price", money(i.pricePerParticipant()),
                "total", money(i.total()));
        return store("Акт " + i.invoiceNumber() + ".docx", render("act", v, List.of()));
    }

    private static Map<String, String> values(DraftData d) {
        return Map.ofEntries(Map.entry("applicationNumber", d.applicationNumber()),
                Map.entry("version", Integer.toString(d.version())),
                Map.entry("organisationFullName", d.organisationFullName()), Map.entry("inn", d.organisationInn()),
                Map.entry("kpp", String.valueOf(d.organisationKpp())), Map.entry("bik", String.valueOf(d.organisationBik())),
                Map.entry("legalAddress", String.valueOf(d.legalAddress())), Map.entry("programmeTitle", d.programmeTitle()),
                Map.entry("hours", Integer.toString(d.hours())), Map.entry("programmeStart", DATE.format(d.programmeStart())),
                Map.entry("programmeEnd", DATE.format(d.programmeEnd())), Map.entry("price", money(d.pricePerParticipant())),
                Map.entry("participantCount", Integer.toString(d.participants().size())), Map.entry("total", money(d.total())));
    }

    static byte[] render(String template, Map<String, String> values, List<String> participants) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : template(template).split("\n")) {
                String text = line;
                for (Map.Entry<String, String> v : values.entrySet()) {
                    text = text.replace("${" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
                }
                doc.createParagraph().createRun().setText(text);
            }
            if (!participants.isEmpty()) {
                doc.createParagraph().createRun().setText("Приложение. Список слушателей");
                XWPFTable table = doc.createTable(participants.size() + 1, 2);
                table.getRow(0).getCell(0).setText("№");
                table.getRow(0).getCell(1).setText("Слушатель");
                for (int i = 0; i < participants.size(); i++) {
                    table.getRow(i + 1).getCell(0).setText(Integer.toString(i + 1));
                    table.getRow(i + 1).getCell(1).setText(participants.get(i));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String store(String name, byte[] docx) {
        return files.store(new ByteArrayInputStream(docx), name, GENERATED, "document").fileId();
    }

    private static String template(String name) {
        try (InputStream in = DocxPaperwork.class.getResourceAsStream("/templates/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }
}
