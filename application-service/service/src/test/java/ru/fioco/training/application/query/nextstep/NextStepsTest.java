package ru.fioco.training.application.query.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/**
 * Each side's next step through a whole lifecycle, with its text and due date on the production calendar: the
 * facts kept by the book on the in-memory Mongo wire server, the steps derived as the front page derives them.
 */
class NextStepsTest {

    static final String APP = "app-1";
    static final ProductionCalendar CALENDAR = ProductionCalendar.official();
    /** Starts Monday 1 February 2027, ends Friday 12 February. */
    static final NextSteps.Programme PROGRAMME = new NextSteps.Programme(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12));
    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    static MongoServer server;
    static MongoClient client;
    NextStepBook book;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void eachSideIsToldWhatToDoNextAndByWhenThroughTheWholeProcedure() {
        book = NextStepBook.over(client.getDatabase("next").getCollection("steps-" + System.nanoTime()));
        LocalDate today = LocalDate.of(2026, 11, 23);
        ApplicationForm form = form();

        apply(new ApplicationDrafted(APP, ApplicationForms.INN, ApplicationType.TRAINING, form));
        // the submission's last day: 7 working days before 1 February 2027 (a provisional year) is 21 January
        assertSteps(today, "Загрузите паспорт: Петров П. П. (и ещё 6)", LocalDate.of(2027, 1, 21), null, null);
        // the second participant's diploma has another surname: the name-change document is required of them
        for (String p : List.of("p1", "p2")) {
            for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(p.equals("p2"))) {
                apply(uploaded(p, slot, 1));
            }
        }
        assertSteps(today, "Проверьте заявку и отправьте её", LocalDate.of(2027, 1, 21), null, null);

        apply(new ApplicationSubmitted(APP, "000-000042", AT, LocalDate.of(2026, 11, 26), false, form));
        assertSteps(today, "Ожидайте проверки заявки", LocalDate.of(2026, 11, 26),
                "Рассмотрите заявку и проверьте документы (7)", LocalDate.of(2026, 11, 26));
        apply(new DocumentRejected(APP, "p2", DocumentSlot.SNILS, 1, "Нечитаемо"));
        assertSteps(today, "Замените отклонённый документ «СНИЛС»: Петров-1 П. П.", null,
                "Рассмотрите заявку и проверьте документы (6)", LocalDate.of(2026, 11, 26));
        apply(new ApplicationReturned(APP, "Замените скан СНИЛС"));
        assertSteps(today, "Исправьте заявку по замечанию института и отправьте её снова", LocalDate.of(2027, 1, 21),
                null, null);
        apply(uploaded("p2", DocumentSlot.SNILS, 2));
        apply(new ApplicationSubmitted(APP, "000-000042", AT, LocalDate.of(2026, 11, 27), false, form));
        for (String p : List.of("p1", "p2")) {
            for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(p.equals("p2"))) {
                apply(new DocumentAccepted(APP, p, slot, p.equals("p2") && slot == DocumentSlot.SNILS ? 2 : 1));
            }
        }
        assertSteps(today, "Ожидайте проверки заявки", LocalDate.of(2026, 11, 27), "Рассмотрите заявку",
                LocalDate.of(2026, 11, 27));

        apply(new ApplicationTakenIntoWork(APP, "000-000042", ApplicationForms.INN, "prog-1",
                ApplicationForm.PaymentTerms.PREPAYMENT, 2));
        apply(new ContractOpened(APP, terms(), new BigDecimal("24000.00")));
        apply(new ContractDraftsIssued(APP, 1, "d1", "d2", null));
        // conclusion no later than 3 working days before the start: Wednesday 27 January
        LocalDate conclusionDay = LocalDate.of(2027, 1, 27);
        assertSteps(today, "Подпишите договор и согласие на обработку персональных данных и загрузите их сканы",
                conclusionDay, null, null);
        apply(uploaded(null, DocumentSlot.SIGNED_CONTRACT, 1));
        apply(uploaded(null, DocumentSlot.SIGNED_CONSENT, 1));
        assertSteps(today, "Ожидайте проверки документов и заключения договора", conclusionDay,
                "Проверьте документы (2)", conclusionDay);
        apply(new DocumentAccepted(APP, null, DocumentSlot.SIGNED_CONTRACT, 1));
        apply(new DocumentAccepted(APP, null, DocumentSlot.SIGNED_CONSENT, 1));
        assertSteps(today, "Ожидайте проверки документов и заключения договора", conclusionDay,
                "Заключите договор", conclusionDay);

        LocalDate concludedOn = LocalDate.of(2026, 12, 1);
        apply(new ContractConcluded(APP, concludedOn));
        apply(new InvoiceIssued(APP, "СЧ-2026-000007", new BigDecimal("24000.00"), concludedOn, "d3"));
        // five working days to pay: 2, 3, 4, 7, 8 December
        assertSteps(today, "Оплатите счёт № СЧ-2026-000007", LocalDate.of(2026, 12, 8), null, null);
        assertThat(next(LocalDate.of(2026, 12, 9)).organisation().overdue()).isTrue();
        apply(new PaymentRecorded(APP, "512", LocalDate.of(2026, 12, 3), new BigDecimal("24000.00"),
                new BigDecimal("24000.00"), true));
        assertSteps(today, "Передайте участникам адрес курса и кодовое слово; курс начинается 01.02.2027",
                LocalDate.of(2027, 2, 1), null, null);
        LocalDate afterCourse = LocalDate.of(2027, 2, 15);
        assertSteps(afterCourse, "Участники проходят обучение до 12.02.2027", null, "Выставьте акт оказания услуг", null);

        apply(new ServiceActIssued(APP, "АКТ-2027-000003", afterCourse, "d4"));
        assertSteps(afterCourse, "Подпишите акт оказания услуг № АКТ-2027-000003 и загрузите его скан", null, null, null);
        apply(uploaded(null, DocumentSlot.SIGNED_ACT, 1));
        apply(new DocumentAccepted(APP, null, DocumentSlot.SIGNED_ACT, 1));
        apply(new SignedActAccepted(APP, LocalDate.of(2027, 2, 18), false));
        assertSteps(afterCourse, "Отправьте оригиналы подписанных документов почтой", LocalDate.of(2027, 2, 18),
                "Отметьте получение оригиналов документов", LocalDate.of(2027, 2, 18));
        apply(new OriginalsReceived(APP, LocalDate.of(2027, 2, 17)));
        assertSteps(afterCourse, "Ожидайте итогов обучения и удостоверений", null, "Внесите итоги обучения участников",
                null);
        apply(new TrainingResultRecorded(APP, "p1", true));
        apply(new TrainingResultRecorded(APP, "p2", false));
        assertSteps(afterCourse, "Ожидайте итогов обучения и удостоверений", null,
                "Выпустите удостоверения о повышении квалификации", null);
        apply(new CertificateIssued(APP, "p1", "ПК-2027-000011", afterCourse, "Петров Пётр Петрович"));
        assertSteps(afterCourse, "Ожидайте итогов обучения и удостоверений", null, "Отправьте документы почтой", null);
        apply(new PackageShipped(APP, "80085012345678", true));
        apply(new ContractClosed(APP));
        assertSteps(afterCourse, "Получите документы почтой: трек-номер 80085012345678", null, null, null);
        apply(new ApplicationCompleted(APP));
        assertSteps(afterCourse, null, null, null, null);
        assertThat(book.withKey("сч-2026-000007", 10)).containsExactly(APP);
        assertThat(book.withKey("80085012345678", 10)).containsExactly(APP);
        assertThat(book.withKey("ПК-2027-000011", 10)).containsExactly(APP);
    }

    @Test
    void unreadCountsWhatTheOtherSidePostedAfterTheReadMark() {
        book = NextStepBook.over(client.getDatabase("next").getCollection("steps-" + System.nanoTime()));
        apply(new ApplicationDrafted(APP, ApplicationForms.INN, ApplicationType.TRAINING, form()));
        apply(new NoticePosted(APP, "n1", 1, NoticeKind.APPLICATION_RECEIVED, List.of(Side.ORGANISATION, Side.INSTITUTE),
                NoticeParameters.builder().build(), "c1", AT, List.of()));
        apply(new MessagePosted(APP, "m1", 2, Side.ORGANISATION, "school", "Вопрос", List.of(), AT));
        apply(new MessagePosted(APP, "m2", 3, Side.INSTITUTE, "staff", "Ответ", List.of(), AT));
        NextSteps.Next before = next(LocalDate.of(2026, 11, 23));
        assertThat(before.unreadForOrganisation()).isEqualTo(2);
        assertThat(before.unreadForInstitute()).isEqualTo(2);
        apply(new ThreadRead(APP, Side.ORGANISATION, 3, "school", AT));
        apply(new ThreadRead(APP, Side.INSTITUTE, 1, "staff", AT));
        NextSteps.Next after = next(LocalDate.of(2026, 11, 23));
        assertThat(after.unreadForOrganisation()).isZero();
        assertThat(after.unreadForInstitute()).isEqualTo(1);
    }

    /**
     * A record delivered again (its consumer killed after the history had it) applies its event once: the unread
     * count and the contract's status do not move twice, and the document is what one delivery left.
     */
    @Test
    void anEventDeliveredAgainIsAppliedOnce() {
        book = NextStepBook.over(client.getDatabase("next").getCollection("steps-" + System.nanoTime()));
        book.apply("e1", new ApplicationDrafted(APP, ApplicationForms.INN, ApplicationType.TRAINING, form()));
        MessagePosted question = new MessagePosted(APP, "m1", 1, Side.ORGANISATION, "school", "Вопрос", List.of(), AT);
        book.apply("e2", question);
        NextSteps.Next once = next(LocalDate.of(2026, 11, 23));
        book.apply("e2", question);
        book.apply("e1", new ApplicationDrafted(APP, ApplicationForms.INN, ApplicationType.TRAINING, form()));
        NextSteps.Next twice = next(LocalDate.of(2026, 11, 23));
        assertThat(twice).isEqualTo(once);
        assertThat(twice.unreadForInstitute()).isEqualTo(1);
        // another event of the same kind is applied
        book.apply("e3", new MessagePosted(APP, "m2", 2, Side.ORGANISATION, "school", "Ещё", List.of(), AT));
        assertThat(next(LocalDate.of(2026, 11, 23)).unreadForInstitute()).isEqualTo(2);
    }

    private void assertSteps(LocalDate today, String organisation, LocalDate organisationDue, String institute,
            LocalDate instituteDue) {
        NextSteps.Next next = next(today);
        if (organisation == null) {
            assertThat(next.organisation()).as("the organisation has nothing to do").isNull();
        } else {
            assertThat(next.organisation().text()).isEqualTo(organisation);
            assertThat(next.organisation().dueDate()).as(organisation).isEqualTo(organisationDue);
        }
        if (institute == null) {
            assertThat(next.institute()).as("the institute has nothing to do").isNull();
        } else {
            assertThat(next.institute().text()).isEqualTo(institute);
            assertThat(next.institute().dueDate()).as(institute).isEqualTo(instituteDue);
        }
    }

    private NextSteps.Next next(LocalDate today) {
        return NextSteps.of(book.find(APP).orElseThrow(), PROGRAMME, today, CALENDAR);
    }

    private void apply(Record event) {
        book.apply(event);
    }

    static ApplicationForm form() {
        ApplicationForm form = ApplicationForms.complete("prog-1", 2);
        return new ApplicationForm(form.applicant(), form.resultDelivery(), form.viaProcurementPlatform(), form.comment(),
                form.paymentTerms(), form.programmeId(), form.organisation(), true,
                List.of(form.participants().get(0).withId("p1"), form.participants().get(1).withId("p2")));
    }

    static DocumentUploaded uploaded(String participantId, DocumentSlot slot, int version) {
        return new DocumentUploaded(APP, participantId, slot, version, "d", 1000, "ab", "application/pdf", "скан.pdf",
                "school@example.ru");
    }

    static ContractTerms terms() {
        return new ContractTerms("000-000042", ApplicationForms.INN, "МБОУ «Пример»", ApplicationForms.KPP,
                ApplicationForms.BIK, "Москва", "prog-1", "Программа", PROGRAMME.start(), PROGRAMME.end(), 36,
                "PREPAYMENT", List.of(new ContractTerms.Participant("p1", "Петров Пётр Петрович (Математика)"),
                new ContractTerms.Participant("p2", "Петров-1 Пётр Петрович (Математика)")), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", "Тьютор", "tutor@fioco.ru");
    }
}
