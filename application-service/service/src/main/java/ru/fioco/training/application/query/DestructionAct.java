package ru.fioco.training.application.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.query.ApplicationBoard.Erasure;
import ru.fioco.training.platform.accesslog.AccessLog;

/**
 * The act of destruction of personal data in the form Roskomnadzor's order No. 179 of 28.10.2022 requires (item 3):
 * the operator; the data subject; the categories of data destroyed; the information system; the way; the reason; the
 * date; who destroyed them, with room for signatures. The subject is named by the application's number and the
 * participant's id only: the act itself must not keep what it certifies destroyed.
 */
@ApplicationScoped
public class DestructionAct {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** The erasures of the retention pass name it so (its constant lives in infra, which a query may not use). */
    static final String RETENTION = "retention";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'МСК'");

    static final String PARTICIPANT_DATA = "фамилия, имя, отчество; пол; дата рождения; должность; предмет; уровень "
            + "образования; фамилия в документе об образовании, серия и номер документа об образовании; СНИЛС; адрес "
            + "электронной почты; их исправления";
    static final String APPLICANT_DATA = "фамилия, имя, отчество; должность; рабочий и мобильный телефоны; адрес "
            + "электронной почты; адреса, по которым направлялись уведомления";
    static final String SIGNATORY_DATA = "фамилия, имя, отчество лица, подписывающего договор от имени организации, "
            + "в заявке и в документах договора";
    static final String APPLICATION_DATA = "сканы подписанных документов заявки и договора (договор, согласие, акт, "
            + "платёжное поручение), вложения переписки, свободные тексты (причины, замечания, комментарии)";
    static final String REPRESENTATIVE_DATA = "фамилия, имя, отчество; должность; образование; телефон; адрес "
            + "электронной почты; логин; причины решений по запросу о представительстве; учётная запись в системе входа "
            + "(удалена)";
    static final String PARTICIPANT_SCANS = "; сканы паспорта, СНИЛС, документа об образовании и о смене фамилии";

    @ConfigProperty(name = "training.operator.name",
            defaultValue = "Федеральное государственное бюджетное учреждение «Федеральный институт оценки качества "
                    + "образования»")
    String operatorName;

    /** The institute's address, as contract-service prints it (INSTITUTE_ADDRESS); left out of the act if not set. */
    @ConfigProperty(name = "training.operator.address")
    Optional<String> operatorAddress;

    /** The most entries of the access log the act's extract lists (the newest). */
    static final int EXTRACT = 100;

    /**
     * The act, with the extract of the access log order 179 asks for: {@code accesses} are every service's entries
     * about the person, newest first.
     */
    public byte[] of(ApplicationSummary application, Erasure erasure, List<AccessLog.Entry> accesses) {
        String number = application.number() == null ? "без номера (черновик)" : "№ " + application.number();
        String whose = switch (erasure.subject()) {
            case PARTICIPANT -> "участник обучения, идентификатор " + erasure.participantId();
            case APPLICANT -> "контактное лицо заявителя";
            case SIGNATORY -> "подписант договора от организации";
            case APPLICATION -> "лица, упомянутые в файлах и свободных текстах заявки";
        } + ", заявка " + number + " (идентификатор " + application.id() + "), организация ИНН "
                + application.organisationInn();
        String categories = switch (erasure.subject()) {
            case PARTICIPANT -> PARTICIPANT_DATA + PARTICIPANT_SCANS;
            case APPLICANT -> APPLICANT_DATA;
            case SIGNATORY -> SIGNATORY_DATA;
            case APPLICATION -> APPLICATION_DATA;
        };
        return act(erasure.erasureId(), whose, categories, erasure.basis(), erasure.erasedBy(), erasure.erasedAt(),
                accesses);
    }

    /** The act of a former representative's erasure: named by their account's id and the organisation's INN. */
    public byte[] of(RepresentativeRegistry.View representative, List<AccessLog.Entry> accesses) {
        RepresentativeRegistry.Erasure erasure = representative.erasure();
        return act(erasure.erasureId(), "представитель организации, идентификатор учётной записи "
                + representative.representativeId() + ", организация ИНН " + representative.organisationInn(),
                REPRESENTATIVE_DATA, erasure.basis(), erasure.erasedBy(), erasure.erasedAt(), accesses);
    }

    private byte[] act(String erasureId, String whose, String categories, PersonalDataErased.ErasureBasis basis,
            String erasedBy, Instant erasedAt, List<AccessLog.Entry> accesses) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, "АКТ", true, ParagraphAlignment.CENTER);
            paragraph(doc, "об уничтожении персональных данных № " + erasureId, true, ParagraphAlignment.CENTER);
            paragraph(doc, "Дата уничтожения: " + WHEN.format(erasedAt.atZone(MOSCOW)), false, ParagraphAlignment.LEFT);
            String[][] rows = {
                {"Оператор персональных данных", operatorName + operatorAddress.filter(a -> !a.isBlank())
                        .map(a -> ", " + a).orElse("")},
                {"Субъект персональных данных", whose},
                {"Категории уничтоженных персональных данных", categories},
                {"Информационная система", "Платформа договоров на обучение: хранилища событий и витрины данных "
                        + "сервисов заявок, документов, договоров и сообщений (MongoDB), журналы событий (Apache Kafka), "
                        + "история заявки"},
                {"Способ уничтожения", "криптографическое уничтожение: ключ шифрования персональных данных субъекта "
                        + "удалён из хранилища ключей; все копии данных, зашифрованные этим ключом, во всех хранилищах "
                        + "и журналах восстановлению не подлежат и отображаются как «удалено»"},
                {"Причина уничтожения", basis.title() + " (ст. 21 Федерального закона от 27.07.2006 "
                        + "№ 152-ФЗ «О персональных данных»)"},
                {"Уничтожил (учётная запись)", RETENTION.equals(erasedBy)
                        ? "автоматически по истечении срока (проверка сроков хранения)" : erasedBy},
            };
            XWPFTable table = doc.createTable(rows.length, 2);
            for (int i = 0; i < rows.length; i++) {
                table.getRow(i).getCell(0).setText(rows[i][0]);
                table.getRow(i).getCell(1).setText(rows[i][1] == null ? "" : rows[i][1]);
            }
            paragraph(doc, "", false, ParagraphAlignment.LEFT);
            paragraph(doc, "Выписка из журнала доступа к персональным данным субъекта", true, ParagraphAlignment.LEFT);
            if (accesses.isEmpty()) {
                paragraph(doc, "Обращений к персональным данным субъекта не зарегистрировано.", false,
                        ParagraphAlignment.LEFT);
            } else {
                List<AccessLog.Entry> listed = accesses.stream().limit(EXTRACT).toList();
                XWPFTable log = doc.createTable(listed.size() + 1, 3);
                log.getRow(0).getCell(0).setText("Когда");
                log.getRow(0).getCell(1).setText("Учётная запись (роль)");
                log.getRow(0).getCell(2).setText("Действие");
                for (int i = 0; i < listed.size(); i++) {
                    AccessLog.Entry e = listed.get(i);
                    log.getRow(i + 1).getCell(0).setText(WHEN.format(e.at().atZone(MOSCOW)));
                    log.getRow(i + 1).getCell(1).setText(e.actor() + " (" + e.role() + ")");
                    log.getRow(i + 1).getCell(2).setText(e.title());
                }
                if (accesses.size() > EXTRACT) {
                    paragraph(doc, "Показаны последние " + EXTRACT + " из " + accesses.size() + " записей.", false,
                            ParagraphAlignment.LEFT);
                }
            }
            paragraph(doc, "Выписка объединяет журналы доступа всех сервисов платформы: просмотры данных участников "
                    + "сотрудниками, скачивания сканов, документов договора, вложений переписки и выгрузки реестра "
                    + "удостоверений.", false, ParagraphAlignment.LEFT);
            paragraph(doc, "", false, ParagraphAlignment.LEFT);
            paragraph(doc, "Лицо, уничтожившее персональные данные: ______________________ / ______________________ /",
                    false, ParagraphAlignment.LEFT);
            paragraph(doc, "должность, подпись, фамилия и инициалы", false, ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }
}
