package ru.fioco.training.contract.infra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;

import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.domain.Paperwork;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.files.UploadPolicy;
import ru.fioco.training.platform.json.PersonalText;

/**
 * The contract's documents as DOCX, filled by Apache POI from the templates in {@code templates/*.docx}: real Word
 * documents (headings, numbered clauses, a requisites table, signature blocks) that the institute's lawyers edit in
 * a word processor. A placeholder is {@code ${name}}; the table row holding {@code ${participant.name}} is repeated
 * for each participant. Stored in this service's GridFS with the persons' names sealed in the text
 * ({@link DocxPersonalValues}).
 */
@ApplicationScoped
public class DocxPaperwork implements Paperwork {

    /** Generated files are ours: any type, no readability check, a generous limit. */
    static final UploadPolicy GENERATED = new UploadPolicy(20L * 1024 * 1024, Set.of(), Set.of(), false);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** What a contract opened before the form asked for a requisite prints in its place. */
    static final String NOT_GIVEN = "—";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z.]+)}");
    private static final String PARTICIPANT_ROW = "${participant.name}";

    @Inject
    FileStore files;

    @Inject
    InstituteRequisites institute;

    @Override
    public String contractDraft(DraftData d) {
        return store("Проект договора " + d.applicationNumber() + " v" + d.version() + ".docx",
                render("contract-" + d.paymentTerms(), draftValues(d), d.participants().stream()
                        .map(p -> PersonalText.seal("participant:" + p.participantId(), p.listedName())).toList()));
    }

    @Override
    public String consentForm(DraftData d) {
        return store("Согласие на обработку ПД " + d.applicationNumber() + ".docx",
                render("consent", draftValues(d), List.of()));
    }

    @Override
    public String invoice(InvoiceData i) {
        Map<String, String> v = invoiceValues(i);
        v.put("invoiceNumber", i.invoiceNumber());
        v.put("payBy", i.payBy() == null ? NOT_GIVEN : DATE.format(i.payBy()));
        return store("Счёт " + i.invoiceNumber() + ".docx", render("invoice", v, List.of()));
    }

    @Override
    public String act(InvoiceData i) {
        Map<String, String> v = invoiceValues(i);
        v.put("actNumber", i.invoiceNumber());
        return store("Акт " + i.invoiceNumber() + ".docx", render("act", v, List.of()));
    }

    private Map<String, String> draftValues(DraftData d) {
        Map<String, String> v = common(d.applicationId(), d.applicationNumber(), d.organisationFullName(), d.organisationInn(),
                d.organisationKpp(), d.organisationBik(), d.legalAddress(), d.programmeTitle(), d.participants().size(),
                d.pricePerParticipant(), d.total(), d.payer());
        v.put("version", Integer.toString(d.version()));
        v.put("hours", Integer.toString(d.hours()));
        v.put("programmeStart", DATE.format(d.programmeStart()));
        v.put("programmeEnd", DATE.format(d.programmeEnd()));
        return v;
    }

    private Map<String, String> invoiceValues(InvoiceData i) {
        Map<String, String> v = common(i.applicationId(), i.applicationNumber(), i.organisationFullName(), i.organisationInn(), i.kpp(),
                i.bik(), i.legalAddress(), i.programmeTitle(), i.participants(), i.pricePerParticipant(), i.total(),
                i.payer());
        v.put("issuedOn", DATE.format(i.issuedOn()));
        return v;
    }

    /** The parties: the school (as the form gave them) and the institute (from configuration). */
    private Map<String, String> common(String applicationId, String applicationNumber, String organisation, String inn, String kpp, String bik,
            String legalAddress, String programmeTitle, int participants, BigDecimal price, BigDecimal total,
            ContractTerms.Payer payer) {
        Map<String, String> v = new HashMap<>();
        v.put("applicationNumber", applicationNumber);
        v.put("organisationFullName", organisation);
        v.put("inn", inn);
        v.put("kpp", kpp);
        v.put("bik", bik);
        v.put("legalAddress", legalAddress);
        v.put("programmeTitle", programmeTitle);
        v.put("participantCount", Integer.toString(participants));
        v.put("price", money(price));
        v.put("total", money(total));
        v.put("ogrn", payer == null ? null : payer.ogrn());
        v.put("settlementAccount", payer == null ? null : payer.settlementAccount());
        v.put("correspondentAccount", payer == null ? null : payer.correspondentAccount());
        v.put("bankName", payer == null ? null : payer.bankName());
        v.put("signatoryPosition", payer == null ? null : payer.signatoryPosition());
        v.put("signatoryRole", payer == null || payer.signatoryPosition() == null ? "руководитель"
                : inSentence(payer.signatoryPosition()));
        v.put("signatoryName", payer == null ? null : PersonalText.seal("signatory:" + applicationId,
                payer.signatoryName()));
        v.put("signatoryBasis", payer == null ? "Устава" : payer.signatoryBasis());
        v.put("instituteName", institute.name());
        v.put("instituteInn", institute.inn());
        v.put("instituteKpp", institute.kpp());
        v.put("instituteOgrn", institute.ogrn());
        v.put("instituteAddress", institute.address());
        v.put("instituteAccount", institute.account());
        v.put("instituteBank", institute.bank());
        v.put("instituteBik", institute.bik());
        v.put("instituteCorrespondentAccount", institute.correspondentAccount());
        v.put("instituteSignatoryPosition", institute.signatoryPosition());
        v.put("instituteSignatoryRole", inSentence(institute.signatoryPosition()));
        v.put("instituteSignatoryName", institute.signatoryName());
        v.put("instituteSignatoryBasis", institute.signatoryBasis());
        v.put("instituteAccountant", institute.accountant());
        return v;
    }

    /**
     * A position inside the preamble («от имени которого действует директор …»): lower-cased at the start, kept in
     * the nominative, so no declension of positions or names is guessed.
     */
    static String inSentence(String position) {
        return position.isEmpty() ? position : Character.toLowerCase(position.charAt(0)) + position.substring(1);
    }

    static byte[] render(String template, Map<String, String> values, List<String> participants) {
        try (InputStream in = DocxPaperwork.class.getResourceAsStream("/templates/" + template + ".docx")) {
            if (in == null) {
                throw new IllegalStateException("no template " + template);
            }
            try (XWPFDocument doc = new XWPFDocument(in); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                repeatParticipantRows(doc, participants);
                fill(doc.getBodyElements(), values);
                doc.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table row with the participant's placeholders, once per participant, numbered. */
    private static void repeatParticipantRows(XWPFDocument doc, List<String> participants) {
        for (XWPFTable table : doc.getTables()) {
            for (int r = 0; r < table.getRows().size(); r++) {
                XWPFTableRow template = table.getRow(r);
                if (!rowText(template).contains(PARTICIPANT_ROW)) {
                    continue;
                }
                for (int i = 0; i < participants.size(); i++) {
                    XWPFTableRow copy = new XWPFTableRow((CTRow) template.getCtRow().copy(), table);
                    Map<String, String> one = Map.of("participant.number", Integer.toString(i + 1),
                            "participant.name", participants.get(i));
                    copy.getTableCells().forEach(cell -> fill(cell.getBodyElements(), one));
                    table.addRow(copy, r + 1 + i);
                }
                table.removeRow(r);
                return;
            }
        }
    }

    private static String rowText(XWPFTableRow row) {
        StringBuilder text = new StringBuilder();
        row.getTableCells().forEach(c -> text.append(c.getText()));
        return text.toString();
    }

    private static void fill(List<IBodyElement> elements, Map<String, String> values) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                fill(paragraph, values);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        fill(cell.getBodyElements(), values);
                    }
                }
            }
        }
    }

    /**
     * Replaces the placeholders run by run, keeping each run's formatting; a placeholder a word processor split
     * across runs (an edit in the middle of it) is replaced over the whole paragraph, in its first run's format.
     */
    private static void fill(XWPFParagraph paragraph, Map<String, String> values) {
        if (!paragraph.getText().contains("${")) {
            return;
        }
        for (XWPFRun run : paragraph.getRuns()) {
            String text = run.getText(0);
            if (text != null && text.contains("${")) {
                run.setText(replace(text, values), 0);
            }
        }
        String whole = paragraph.getText();
        if (PLACEHOLDER.matcher(whole).results().anyMatch(m -> values.containsKey(m.group(1)))
                && !paragraph.getRuns().isEmpty()) {
            String replaced = replace(whole, values);
            List<XWPFRun> runs = paragraph.getRuns();
            runs.get(0).setText(replaced, 0);
            for (int i = runs.size() - 1; i > 0; i--) {
                paragraph.removeRun(i);
            }
        }
    }

    /** Every known placeholder gets its value (an absent one «—»); an unknown one stays for the reader to see. */
    static String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.containsKey(key) ? (values.get(key) == null ? NOT_GIVEN : values.get(key)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String store(String name, byte[] docx) {
        return files.store(new ByteArrayInputStream(docx), name, GENERATED, "document").fileId();
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }
}
