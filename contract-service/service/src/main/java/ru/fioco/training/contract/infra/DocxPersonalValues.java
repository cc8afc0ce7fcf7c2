package ru.fioco.training.contract.infra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import ru.fioco.training.contract.domain.PersonalDocuments;
import ru.fioco.training.platform.api.PersonalData;
import ru.fioco.training.platform.json.PersonalText;

/**
 * Personal values inside a contract's Word documents. A stored document keeps each person's name sealed with that
 * person's key (a {@code pd1:t:} token in the text), so GridFS holds no name in the clear and an erasure reaches the
 * stored documents too: a download opens every token, and an erased person's reads «удалено» while everybody else's
 * name stays. A draft staff edited in a word processor comes back with names in the clear; they are sealed again
 * before it is stored.
 */
@ApplicationScoped
public class DocxPersonalValues implements PersonalDocuments {

    private static final String SEALED = "pd1:t:";
    private static final Pattern TOKEN = Pattern.compile(SEALED + "[A-Za-z0-9+/=]+");

    @Override
    public byte[] opened(InputStream docx) throws IOException {
        return openedDocument(docx);
    }

    /** A document naming none of the people is kept byte for byte as the staff member wrote it. */
    @Override
    public byte[] sealed(InputStream docx, Map<String, String> names) throws IOException {
        byte[] original = docx.readAllBytes();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(original))) {
            if (doc.getParagraphs().isEmpty() && doc.getTables().isEmpty()) {
                throw new IllegalArgumentException("an empty document");
            }
            return seal(doc, names) ? bytes(doc) : original;
        }
    }

    /**
     * The document as a reader gets it: every sealed value opened (or «удалено»); one with none comes back byte for
     * byte as stored (a rewrite would change at least the zip entries' times).
     */
    static byte[] openedDocument(InputStream docx) throws IOException {
        byte[] stored = docx.readAllBytes();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(stored))) {
            boolean opened = rewrite(doc, text -> text.contains(SEALED), text -> TOKEN.matcher(text).replaceAll(m ->
                    Matcher.quoteReplacement(PersonalText.open(m.group()))));
            return opened ? bytes(doc) : stored;
        }
    }

    /**
     * The document with every occurrence of a known person's value sealed with that person's key: {@code values}
     * maps the plaintext to its subject ({@code participant:<id>}). Longer values first, so that a full name is
     * sealed whole before a shorter one inside it could be.
     */
    static byte[] sealed(XWPFDocument doc, Map<String, String> values) {
        seal(doc, values);
        return bytes(doc);
    }

    /** Seals the known values in place; false when the document names none of them. */
    private static boolean seal(XWPFDocument doc, Map<String, String> values) {
        List<Map.Entry<String, String>> known = new ArrayList<>(values.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().isBlank() && !PersonalData.ERASED.equals(e.getKey()))
                .toList());
        known.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return rewrite(doc, text -> known.stream().anyMatch(value -> text.contains(value.getKey())), text -> {
            String out = text;
            for (Map.Entry<String, String> value : known) {
                if (out.contains(value.getKey())) {
                    out = out.replace(value.getKey(), PersonalText.seal(value.getValue(), value.getKey()));
                }
            }
            return out;
        });
    }

    /**
     * Every text of the document that {@code holds} a value, rewritten; the one walk serves sealing and opening.
     * True when anything was rewritten.
     */
    private static boolean rewrite(XWPFDocument doc, Predicate<String> holds, UnaryOperator<String> rewriting) {
        boolean any = rewrite(doc.getBodyElements(), holds, rewriting);
        for (XWPFHeader header : doc.getHeaderList()) {
            any |= rewrite(header.getBodyElements(), holds, rewriting);
        }
        for (XWPFFooter footer : doc.getFooterList()) {
            any |= rewrite(footer.getBodyElements(), holds, rewriting);
        }
        return any;
    }

    private static boolean rewrite(List<IBodyElement> elements, Predicate<String> holds,
            UnaryOperator<String> rewriting) {
        boolean any = false;
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                any |= rewrite(paragraph, holds, rewriting);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        any |= rewrite(cell.getBodyElements(), holds, rewriting);
                    }
                }
            }
        }
        return any;
    }

    /**
     * Run by run, keeping each run's format; a value a word processor split across runs is rewritten over the whole
     * paragraph, in its first run's format.
     */
    private static boolean rewrite(XWPFParagraph paragraph, Predicate<String> holds, UnaryOperator<String> rewriting) {
        if (!holds.test(paragraph.getText())) {
            return false;
        }
        for (XWPFRun run : paragraph.getRuns()) {
            String text = run.getText(0);
            if (text != null && holds.test(text)) {
                run.setText(rewriting.apply(text), 0);
            }
        }
        String after = paragraph.getText();
        if (holds.test(after) && !paragraph.getRuns().isEmpty()) {
            List<XWPFRun> runs = paragraph.getRuns();
            runs.get(0).setText(rewriting.apply(after), 0);
            for (int i = runs.size() - 1; i > 0; i--) {
                paragraph.removeRun(i);
            }
        }
        return true;
    }

    private static byte[] bytes(XWPFDocument doc) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
