package ru.fioco.training.contract.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.fioco.training.application.api.ApplicationForm;

/**
 * The register of issued certificates in the shape of the federal register of education documents (FIS
 * FRDO): the 40 columns of its further-education template ({@code reference/frdo-dpo-columns.txt}), one
 * row per certificate, CSV with «;» and a BOM so that Excel opens the Cyrillic right. Dictionary values
 * (form of study, source of funding) are the platform's defaults and must be checked against the
 * register's current dictionaries before an upload.
 */
@ApplicationScoped
public class CertificateRegister {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    public static final List<String> COLUMNS = columns();

    @Inject
    ContractBoard board;

    @Inject
    ApplicationCopy applications;

    /**
     * The register's columns this export leaves empty, and why: what the platform does not hold, or what the
     * institute must choose from the register's dictionaries itself. Shown to staff beside the export.
     */
    public static final Map<Integer, String> NOT_FILLED = notFilled();

    private static Map<Integer, String> notFilled() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(6, "серия — только при выдаче на бланках (укажите серию при выпуске удостоверений)");
        m.put(12, "область профессиональной деятельности — не указывается в программе на платформе");
        m.put(13, "укрупнённая группа специальностей — не указывается в программе на платформе");
        m.put(14, "квалификация — для повышения квалификации не присваивается");
        m.put(30, "форма получения образования при прекращении отношений — по справочнику ФИС ФРДО, выберите сами");
        for (int i = 32; i <= 39; i++) {
            m.put(i, "сведения об оригинале — только для дубликатов и исправленных документов");
        }
        m.put(40, "номер документа для изменения — только при исправлении ранее загруженной записи");
        return Map.copyOf(m);
    }

    public String csv(int year) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(COLUMNS.stream().map(CertificateRegister::cell).collect(Collectors.joining(";"))).append("\r\n");
        for (ContractBoard.View contract : board.withCertificatesIn(year)) {
            Map<String, ApplicationForm.Participant> participants = applications.find(contract.applicationId)
                    .map(a -> a.form().participants().stream()
                            .collect(Collectors.toMap(ApplicationForm.Participant::participantId, Function.identity())))
                    .orElse(Map.of());
            for (ContractBoard.Certificate c : contract.certificates) {
                if (c.issuedOn().getYear() == year) {
                    out.append(row(contract, c, Optional.ofNullable(participants.get(c.participantId()))).stream()
                            .map(CertificateRegister::cell).collect(Collectors.joining(";"))).append("\r\n");
                }
            }
        }
        return out.toString();
    }

    static List<String> row(ContractBoard.View contract, ContractBoard.Certificate c, Optional<ApplicationForm.Participant> p) {
        List<String> r = new ArrayList<>(Arrays.asList(new String[40]));
        r.set(0, "Удостоверение о повышении квалификации");
        r.set(1, "Оригинал");
        r.set(2, "Нет");
        r.set(3, "Нет");
        r.set(4, "Нет");
        // on a printed blank: its series and number; without blanks, the register number's sequence stands for it
        r.set(5, c.blankSeries());
        r.set(6, c.blankNumber() != null ? c.blankNumber()
                : c.registrationNumber().substring(c.registrationNumber().lastIndexOf('-') + 1));
        r.set(7, DATE.format(c.issuedOn()));
        r.set(8, c.registrationNumber());
        r.set(9, "Повышение квалификации");
        r.set(10, contract.programmeTitle);
        r.set(18, Integer.toString(contract.programmeStart.getYear()));
        r.set(19, Integer.toString(contract.programmeEnd.getYear()));
        r.set(20, Integer.toString(contract.hours));
        r.set(27, "Заочная");
        r.set(28, "Средства юридических лиц");
        r.set(30, "643");
        p.ifPresent(x -> {
            r.set(14, x.educationLevel() == ApplicationForm.EducationLevel.HIGHER ? "Высшее образование"
                    : "Среднее профессиональное образование");
            r.set(15, x.diplomaSurname());
            r.set(16, x.diplomaSeries());
            r.set(17, x.diplomaNumber());
            r.set(21, x.surname());
            r.set(22, x.name());
            r.set(23, x.patronymic());
            r.set(24, x.birthDate() == null ? null : DATE.format(x.birthDate()));
            r.set(25, x.sex() == ApplicationForm.Sex.FEMALE ? "Жен" : "Муж");
            r.set(26, snils(x.snils()));
        });
        return r;
    }

    static String snils(String digits) {
        if (digits == null || digits.length() != 11) {
            return digits;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " " + digits.substring(9);
    }

    /** Excel reads a cell starting with = + - @ as a formula: such text is prefixed so that it stays text. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return v.contains(";") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static List<String> columns() {
        try (InputStream in = CertificateRegister.class.getResourceAsStream("/reference/frdo-dpo-columns.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(l.indexOf('\t') + 1).strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
