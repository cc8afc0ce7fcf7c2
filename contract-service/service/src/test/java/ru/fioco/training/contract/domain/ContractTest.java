package ru.fioco.training.contract.domain;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.contract.domain.ContractCommands.Conclude;
import ru.fioco.training.contract.domain.ContractCommands.CorrectParticipant;
import ru.fioco.training.contract.domain.ContractCommands.OpenContract;
import ru.fioco.training.contract.domain.ContractCommands.RecordPayment;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;
import ru.fioco.training.platform.testing.MovableClock;

/** The contract's rules on Axon's fixture, with the official production calendar and a movable clock. */
class ContractTest {

    static final String APP = "a1";
    // Monday 1 February 2027: the 3rd working day before it is Wednesday 27 January
    static final ContractTerms PREPAID = terms("PREPAYMENT");

    private AggregateTestFixture<Contract> fixture;
    private final MovableClock clock = new MovableClock();
    private final Map<String, DocumentStatus.Facts> documents = new HashMap<>();
    private final AtomicInteger generated = new AtomicInteger();
    private final List<List<String>> drafted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(ProductionCalendar.official());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((DocumentStatus) id -> documents.getOrDefault(id, new DocumentStatus.Facts(false, false, false)));
        fixture.registerInjectableResource((Numbering) (series, year) -> series + "-" + year + "-000001");
        fixture.registerInjectableResource(new Paperwork() {
            public String contractDraft(DraftData data) {
                drafted.add(data.participants());
                return "contract-v" + data.version();
            }

            public String consentForm(DraftData data) {
                return "consent-" + generated.incrementAndGet();
            }

            public String invoice(InvoiceData data) {
                return "invoice-" + data.invoiceNumber();
            }

            public String act(InvoiceData data) {
                return "act-" + data.invoiceNumber();
            }
        });
        clock.at("2027-01-20");
    }

    @Test
    void openingIssuesTheFirstDraftsForTheTotalOfAllParticipants() {
        fixture.givenNoPriorActivity().when(new OpenContract(APP, PREPAID))
                .expectEvents(new ContractOpened(APP, PREPAID, new BigDecimal("24000.00")),
                        new ContractDraftsIssued(APP, 1, "contract-v1", "consent-1", null));
    }

    @Test
    void conclusionWaitsForTheSignedScans() {
        documents.put(APP, new DocumentStatus.Facts(false, true, true));
        fixture.given(opened(PREPAID)).when(new Conclude(APP)).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("договора"));
        documents.put(APP, new DocumentStatus.Facts(true, false, true));
        fixture.given(opened(PREPAID)).when(new Conclude(APP)).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("согласия"));
    }

    @Test
    void conclusionWaitsForEveryParticipantsDocuments() {
        documents.put(APP, new DocumentStatus.Facts(true, true, false));
        fixture.given(opened(PREPAID)).when(new Conclude(APP)).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("документы участников"));
    }

    @Test
    void conclusionIsRefusedTwoWorkingDaysBeforeTheStart() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        clock.at("2027-01-28"); // Thursday: 28 and 29 January are the two working days left
        fixture.given(opened(PREPAID)).when(new Conclude(APP)).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("2027-01-27"));
    }

    @Test
    void concludedOnTheLastDayWithCourseAccessAndThePrepaymentInvoice() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        clock.at("2027-01-27");
        fixture.given(opened(PREPAID)).when(new Conclude(APP))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                equalTo(new ContractConcluded(APP, LocalDate.of(2027, 1, 27))),
                                Matchers.<Object>instanceOf(CourseAccessGranted.class),
                                equalTo(new InvoiceIssued(APP, "СЧ-2027-000001",
                                        new BigDecimal("24000.00"), LocalDate.of(2027, 1, 27), "invoice-СЧ-2027-000001")),
                                andNoMore())));
        CourseAccessGranted access = fixture.getEventStore().readEvents(APP).asStream().map(m -> m.getPayload())
                .filter(CourseAccessGranted.class::isInstance).map(CourseAccessGranted.class::cast).findFirst().orElseThrow();
        Assertions.assertThat(access.enrolmentKey()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        Assertions.assertThat(access.courseUrl()).isEqualTo("https://lms.fioco.ru/course/view.php?id=42");
        Assertions.assertThat(access.tutorEmail()).isEqualTo("tutor@fioco.ru");
        Assertions.assertThat(access.instructions()).contains("кодовое слово");
    }

    @Test
    void postPaymentIsNotInvoicedOnConclusion() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        fixture.given(opened(terms("POSTPAYMENT"))).when(new Conclude(APP))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                Matchers.<Object>instanceOf(ContractConcluded.class),
                                Matchers.<Object>instanceOf(CourseAccessGranted.class),
                                andNoMore())));
    }

    @Test
    void paymentsAddUpToTheInvoiceAndNeverExceedIt() {
        Object[] invoiced = {opened(PREPAID)[0], opened(PREPAID)[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20)),
                new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 1, 20), "i")};
        fixture.given(invoiced).when(new RecordPayment(APP, "55", LocalDate.of(2027, 1, 22), new BigDecimal("10000")))
                .expectEvents(new PaymentRecorded(APP, "55", LocalDate.of(2027, 1, 22), new BigDecimal("10000"),
                        new BigDecimal("10000"), false));
        fixture.given(invoiced).when(new RecordPayment(APP, "56", LocalDate.of(2027, 1, 22), new BigDecimal("24000.00")))
                .expectEvents(new PaymentRecorded(APP, "56", LocalDate.of(2027, 1, 22), new BigDecimal("24000.00"),
                        new BigDecimal("24000.00"), true));
        fixture.given(invoiced).when(new RecordPayment(APP, "57", LocalDate.of(2027, 1, 22), new BigDecimal("24000.01")))
                .expectException(RuleViolationException.class);
        fixture.given(invoiced).when(new RecordPayment(APP, " ", LocalDate.of(2027, 1, 22), new BigDecimal("1")))
                .expectException(InvalidInputException.class);
        fixture.given(opened(PREPAID)).when(new RecordPayment(APP, "58", LocalDate.of(2027, 1, 22), BigDecimal.ONE))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aConcludedContractIsNotConcludedAgain() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        fixture.given(opened(PREPAID)[0], opened(PREPAID)[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20)))
                .when(new Conclude(APP)).expectException(ConflictException.class);
    }

    @Test
    void theActComesAfterTheProgrammeEndsAndWithPostPaymentBringsTheInvoice() {
        Object[] concluded = concluded(terms("POSTPAYMENT"));
        clock.at("2027-02-12");
        fixture.given(concluded).when(new ContractCommands.IssueAct(APP)).expectNoEvents()
                .expectException(RuleViolationException.class);
        clock.at("2027-02-15");
        fixture.given(concluded).when(new ContractCommands.IssueAct(APP))
                .expectEvents(new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "act-АКТ-2027-000001"),
                        new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 2, 15),
                                "invoice-СЧ-2027-000001"));
    }

    @Test
    void originalsAreDueThreeWorkingDaysAfterTheSignedActIsAccepted() {
        clock.at("2027-02-19"); // Friday: Mon 22, Tue 23 is a holiday (provisional 2027), Wed 24, Thu 25
        fixture.given(with(concluded(PREPAID), new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "a")))
                .when(new ContractCommands.AcceptSignedAct(APP))
                .expectEvents(new SignedActAccepted(APP, LocalDate.of(2027, 2, 25), true));
        fixture.given(concluded(PREPAID)).when(new ContractCommands.AcceptSignedAct(APP)).expectNoEvents();
    }

    @Test
    void certificatesOnlyForThoseWhoPassedAndOnlyOncePaid() {
        Object[] results = with(concluded(PREPAID), new TrainingResultRecorded(APP, "p1", true),
                new TrainingResultRecorded(APP, "p2", false));
        fixture.given(results).when(new ContractCommands.IssueCertificates(APP))
                .expectException(RuleViolationException.class).expectExceptionMessage(Matchers.containsString("оплаты"));
        clock.at("2027-02-20");
        fixture.given(with(results, paidInFull()))
                .when(new ContractCommands.IssueCertificates(APP))
                .expectEvents(new CertificateIssued(APP, "p1", "ПК-2027-000001", LocalDate.of(2027, 2, 20),
                        "Петров Пётр (Математика)"));
    }

    @Test
    void resultsNameOnlyTheContractsParticipants() {
        fixture.given(concluded(PREPAID)).when(new ContractCommands.RecordResults(APP, Map.of("p1", true, "stranger", true)))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("results.stranger"));
    }

    @Test
    void unpaidOriginalsShipWithoutCertificatesAndTheContractStaysOpen() {
        Object[] results = with(concluded(PREPAID), new TrainingResultRecorded(APP, "p1", true),
                new TrainingResultRecorded(APP, "p2", false));
        fixture.given(results).when(new ContractCommands.Ship(APP, "80085012345678"))
                .expectEvents(new PackageShipped(APP, "80085012345678", false));
        fixture.given(with(with(results, paidInFull()), new CertificateIssued(APP, "p1", "ПК-2027-000001",
                        LocalDate.of(2027, 2, 20), "Петров Пётр (Математика)")))
                .when(new ContractCommands.Ship(APP, "80085012345679"))
                .expectEvents(new PackageShipped(APP, "80085012345679", true), new ContractClosed(APP));
        fixture.given(results).when(new ContractCommands.Ship(APP, "12")).expectException(InvalidInputException.class);
    }

    @Test
    void aCorrectedParticipantIsNamedAnewInTheNextDrafts() {
        fixture.given(opened(PREPAID))
                .when(new CorrectParticipant(APP, "p1", "Петрова Пелагея (Математика)"))
                .expectEvents(new ContractParticipantCorrected(APP, "p1", "Петрова Пелагея (Математика)"),
                        new ContractDraftsIssued(APP, 2, "contract-v2", "consent-1", "Исправлены данные участника"));
        Assertions.assertThat(drafted).last().asList()
                .containsExactly("Петрова Пелагея (Математика)", "Иванова Мария (Физика)");
    }

    @Test
    void aCorrectionThatComesAgainOrNamesNoParticipantChangesNothing() {
        fixture.given(opened(PREPAID)).when(new CorrectParticipant(APP, "p1", "Петров Пётр (Математика)"))
                .expectNoEvents();
        fixture.given(opened(PREPAID)).when(new CorrectParticipant(APP, "p9", "Сидоров Сидор"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatRacedTheConclusionIsRecordedWithoutNewDrafts() {
        // application-service locks participants on conclusion; one accepted just before still reaches the contract,
        // so certificates name the participant as corrected
        fixture.given(concluded(PREPAID)).when(new CorrectParticipant(APP, "p2", "Иванова Марина (Физика)"))
                .expectEvents(new ContractParticipantCorrected(APP, "p2", "Иванова Марина (Физика)"));
    }

    private Object[] concluded(ContractTerms terms) {
        Object[] opened = opened(terms);
        Object[] all = terms.prepayment()
                ? new Object[] {opened[0], opened[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20)),
                        new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 1, 20), "i")}
                : new Object[] {opened[0], opened[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20))};
        return all;
    }

    private static Object paidInFull() {
        return new PaymentRecorded(APP, "512", LocalDate.of(2027, 1, 22), new BigDecimal("24000.00"),
                new BigDecimal("24000.00"), true);
    }

    private static Object[] with(Object[] given, Object... more) {
        Object[] all = Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    private static Object[] opened(ContractTerms terms) {
        return new Object[] {new ContractOpened(APP, terms, terms.total()),
                new ContractDraftsIssued(APP, 1, "contract-v1", "consent-1", null)};
    }

    static ContractTerms terms(String paymentTerms) {
        return new ContractTerms("000-000123", "7707083893", "МБОУ «Школа № 1»", "773601001", "044525225", "Москва",
                "prog", "Функциональная грамотность", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36,
                paymentTerms, List.of(new ContractTerms.Participant("p1", "Петров Пётр (Математика)"), new ContractTerms.Participant("p2", "Иванова Мария (Физика)")), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", "Иванова М. П.", "tutor@fioco.ru");
    }
}
