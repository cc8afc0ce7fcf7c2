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
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
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
    private final Map<String, CourseCatalogue.Course> courses = new HashMap<>();
    private final ProductionCalendar calendar = ProductionCalendar.official();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource((CourseCatalogue) id -> java.util.Optional.ofNullable(courses.get(id)));
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((DocumentStatus) id -> documents.getOrDefault(id, new DocumentStatus.Facts(false, false, false)));
        fixture.registerInjectableResource((Numbering) (series, year) -> series + "-" + year + "-000001");
        fixture.registerInjectableResource(new Paperwork() {
            public String contractDraft(DraftData data) {
                drafted.add(data.participants().stream().map(ContractTerms.Participant::listedName).toList());
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
                                equalTo(new ContractConcluded(APP, LocalDate.of(2027, 1, 27), 1)),
                                Matchers.<Object>instanceOf(CourseAccessGranted.class),
                                Matchers.<Object>instanceOf(InvoiceIssued.class),
                                andNoMore())));
        InvoiceIssued invoice = fixture.getEventStore().readEvents(APP).asStream().map(m -> m.getPayload())
                .filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast).findFirst().orElseThrow();
        Assertions.assertThat(invoice.amount()).isEqualByComparingTo("24000.00");
        // prepayment: 5 working days after the invoice: 28, 29 January, 1, 2, 3 February
        Assertions.assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2027, 2, 3));
        CourseAccessGranted access = fixture.getEventStore().readEvents(APP).asStream().map(m -> m.getPayload())
                .filter(CourseAccessGranted.class::isInstance).map(CourseAccessGranted.class::cast).findFirst().orElseThrow();
        Assertions.assertThat(access.enrolmentKey()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        Assertions.assertThat(access.courseUrl()).isEqualTo("https://lms.fioco.ru/course/view.php?id=42");
        Assertions.assertThat(access.tutorEmail()).isEqualTo("tutor@fioco.ru");
        Assertions.assertThat(access.allTutors()).containsExactly(new CourseAccessGranted.Tutor("Иванова М. П.", "tutor@fioco.ru"));
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
    void staffAnswerAChangeRequestWithAnEditedVersionAndTheConclusionSaysWhichWasAgreed() {
        fixture.given(opened(PREPAID)).when(new ContractCommands.RequestChanges(APP, 1, " Изменить п. 4 "))
                .expectEvents(new ContractChangesRequested(APP, 1, "Изменить п. 4"));
        fixture.given(opened(PREPAID)).when(new ContractCommands.RequestChanges(APP, 2, " "))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("version"), Matchers.containsString("comment")));
        fixture.given(with(opened(PREPAID), new ContractChangesRequested(APP, 1, "Изменить п. 4")))
                .when(new ContractCommands.UploadDraft(APP, "edited-v2", "Изменён п. 4"))
                .expectEvents(new ContractDraftsIssued(APP, 2, "edited-v2", "consent-1", "Изменён п. 4", true));
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        clock.at("2027-01-27");
        fixture.given(with(opened(PREPAID), new ContractDraftsIssued(APP, 2, "edited-v2", "consent-1", "п. 4", true)))
                .when(new Conclude(APP)).expectSuccessfulHandlerExecution();
        Assertions.assertThat(fixture.getEventStore().readEvents(APP).asStream().map(m -> m.getPayload())
                .filter(ContractConcluded.class::isInstance).map(ContractConcluded.class::cast).findFirst())
                .contains(new ContractConcluded(APP, LocalDate.of(2027, 1, 27), 2));
        // once concluded the draft stays as agreed; the countersigned scan follows the conclusion only
        fixture.given(concluded(PREPAID)).when(new ContractCommands.UploadDraft(APP, "late", null))
                .expectException(ConflictException.class);
        fixture.given(concluded(PREPAID)).when(new ContractCommands.RequestChanges(APP, 1, "ещё"))
                .expectException(ConflictException.class);
        fixture.given(opened(PREPAID)).when(new ContractCommands.Countersign(APP, "scan", "scan.pdf"))
                .expectException(RuleViolationException.class);
        fixture.given(concluded(PREPAID)).when(new ContractCommands.Countersign(APP, "scan", "scan.pdf"))
                .expectEvents(new ContractCountersigned(APP, "scan", "scan.pdf"));
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
        // originals: 3 working days after the act (16, 17, 18 February); payment: 10 (to 2 March, 23 Feb a holiday)
        boolean provisional = calendar.endOfWorkingDaysAfter(LocalDate.of(2027, 2, 15), 3).provisional();
        fixture.given(concluded).when(new ContractCommands.IssueAct(APP))
                .expectEvents(new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "act-АКТ-2027-000001",
                                LocalDate.of(2027, 2, 18), provisional),
                        new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 2, 15),
                                "invoice-СЧ-2027-000001", LocalDate.of(2027, 3, 2), provisional));
    }

    @Test
    void originalsAreDueFromTheActNotFromALateReviewOfTheSignedScan() {
        clock.at("2027-02-19"); // staff accept the signed scan on Friday, after the act's due date of Thursday 18th
        fixture.given(with(concluded(PREPAID), act()))
                .when(new ContractCommands.AcceptSignedAct(APP))
                .expectEvents(new SignedActAccepted(APP, LocalDate.of(2027, 2, 18), false));
        // an act recorded before the due date counted from it: counted from the review, as then
        // (Mon 22, Tue 23 is a holiday (provisional 2027), Wed 24, Thu 25)
        fixture.given(with(concluded(PREPAID), new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "a")))
                .when(new ContractCommands.AcceptSignedAct(APP))
                .expectEvents(new SignedActAccepted(APP, LocalDate.of(2027, 2, 25), true));
        // a signed act's scan before the act exists starts nothing
        fixture.given(concluded(PREPAID)).when(new ContractCommands.AcceptSignedAct(APP)).expectNoEvents();
    }

    @Test
    void originalsArriveInCopiesAndAreCompleteWithTwoOfEach() {
        clock.at("2027-02-17");
        fixture.given(concluded(PREPAID)).when(new ContractCommands.RecordOriginals(APP, null, null, null, null))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("Акт ещё не выставлен"));
        fixture.given(with(concluded(PREPAID), act()))
                .when(new ContractCommands.RecordOriginals(APP, null, 2, 1, " 80085012345678 "))
                .expectEvents(new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 1, "80085012345678", false));
        fixture.given(with(concluded(PREPAID), act(), new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 1, null, false)))
                .when(new ContractCommands.RecordOriginals(APP, LocalDate.of(2027, 2, 16), 0, 1, null))
                .expectEvents(new OriginalsReceived(APP, LocalDate.of(2027, 2, 16), 0, 1, null, true));
        fixture.given(with(concluded(PREPAID), act(), new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 1, null, false)))
                .when(new ContractCommands.RecordOriginals(APP, null, 1, 1, null))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("actCopies"));
        // the whole set at once when no counts are given; then nothing more arrives
        fixture.given(with(concluded(PREPAID), act()))
                .when(new ContractCommands.RecordOriginals(APP, null, null, null, null))
                .expectEvents(new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 2, null, true));
        fixture.given(with(concluded(PREPAID), act(), originals()))
                .when(new ContractCommands.RecordOriginals(APP, null, 1, 0, null)).expectException(ConflictException.class);
        fixture.given(with(concluded(PREPAID), act()))
                .when(new ContractCommands.RecordOriginals(APP, LocalDate.of(2027, 2, 18), -1, 0, "12"))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("receivedOn"),
                        Matchers.containsString("actCopies"), Matchers.containsString("trackingNumber")));
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
                        "Петров Пётр Петрович"));
        // a contract opened before the subject was kept apart: the certificate still names the person alone
        ContractTerms legacy = new ContractTerms("000-000123", "7707083893", "МБОУ «Школа № 1»", "773601001",
                "044525225", "Москва", "prog", "Функциональная грамотность", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 12), 36, "PREPAYMENT", List.of(new ContractTerms.Participant("p1",
                "Петров Пётр (Математика)")), new BigDecimal("24000.00"), null, null, null);
        fixture.given(new ContractOpened(APP, legacy, legacy.total()), new ContractConcluded(APP, LocalDate.of(2027, 1, 20)),
                        new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 1, 20), "i"),
                        paidInFull(), new TrainingResultRecorded(APP, "p1", true))
                .when(new ContractCommands.IssueCertificates(APP))
                .expectEvents(new CertificateIssued(APP, "p1", "ПК-2027-000001", LocalDate.of(2027, 2, 20), "Петров Пётр"));
    }

    @Test
    void resultsNameOnlyTheContractsParticipants() {
        fixture.given(concluded(PREPAID)).when(new ContractCommands.RecordResults(APP, Map.of("p1", true, "stranger", true)))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("results.stranger"));
    }

    @Test
    void unpaidOriginalsShipWithoutCertificatesAndTheMoneyLaterBringsThem() {
        Object[] results = with(concluded(PREPAID), act(), originals(), new TrainingResultRecorded(APP, "p1", true),
                new TrainingResultRecorded(APP, "p2", false));
        fixture.given(results).when(new ContractCommands.Ship(APP, "80085012345678"))
                .expectEvents(new PackageShipped(APP, "80085012345678", false, List.of(PackageShipped.Item.CONTRACT,
                        PackageShipped.Item.ACT, PackageShipped.Item.INVOICE)));
        Object[] shippedUnpaid = with(results, new PackageShipped(APP, "80085012345678", false,
                List.of(PackageShipped.Item.CONTRACT, PackageShipped.Item.ACT, PackageShipped.Item.INVOICE)));
        fixture.given(shippedUnpaid).when(new ContractCommands.Ship(APP, "80085012345679"))
                .expectNoEvents().expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("после оплаты"));
        // the money came: the certificate goes in a second package, and the contract closes
        fixture.given(with(shippedUnpaid, paidInFull(), new CertificateIssued(APP, "p1", "ПК-2027-000001",
                        LocalDate.of(2027, 2, 20), "Петров Пётр Петрович")))
                .when(new ContractCommands.Ship(APP, "80085012345679"))
                .expectEvents(new PackageShipped(APP, "80085012345679", true, List.of(PackageShipped.Item.CERTIFICATES)),
                        new ContractClosed(APP));
        fixture.given(results).when(new ContractCommands.Ship(APP, "12")).expectException(InvalidInputException.class);
    }

    @Test
    void aLatePaymentClosesAShippedContractWhenNobodyIsLeftToCertify() {
        fixture.given(with(concluded(PREPAID), act(), originals(), new TrainingResultRecorded(APP, "p1", false),
                        new TrainingResultRecorded(APP, "p2", false), new PackageShipped(APP, "80085012345678", false,
                                List.of(PackageShipped.Item.CONTRACT, PackageShipped.Item.ACT, PackageShipped.Item.INVOICE))))
                .when(new RecordPayment(APP, "77", LocalDate.of(2027, 3, 1), new BigDecimal("24000.00")))
                .expectEvents(new PaymentRecorded(APP, "77", LocalDate.of(2027, 3, 1), new BigDecimal("24000.00"),
                        new BigDecimal("24000.00"), true), new ContractClosed(APP));
    }

    @Test
    void shipmentWaitsForTheActAndEveryOriginal() {
        Object[] results = with(concluded(PREPAID), new TrainingResultRecorded(APP, "p1", true));
        fixture.given(results).when(new ContractCommands.Ship(APP, "80085012345678"))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("Акт ещё не выставлен"));
        fixture.given(with(results, act(), new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 1, null, false)))
                .when(new ContractCommands.Ship(APP, "80085012345678"))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("договор: 1 из 2"));
    }

    @Test
    void accessNeedsTheProgrammesCourseAndListsEveryTutor() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        ContractTerms noCourse = new ContractTerms("000-000123", "7707083893", "МБОУ «Школа № 1»", "773601001",
                "044525225", "Москва", "prog", "Функциональная грамотность", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 12), 36, "POSTPAYMENT", PREPAID.participants(), new BigDecimal("12000.00"),
                null, null, null);
        fixture.given(opened(noCourse)).when(new Conclude(APP)).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("не указан адрес курса"));
        // staff added the course to the programme after the contract opened: access is granted with it
        courses.put("prog", new CourseCatalogue.Course("https://lms.fioco.ru/course/view.php?id=7", List.of(
                new CourseAccessGranted.Tutor("Иванова Мария Петровна", "ivanova@fioco.ru"),
                new CourseAccessGranted.Tutor("Сидоров Олег Ильич", "sidorov@fioco.ru"))));
        fixture.given(opened(noCourse)).when(new Conclude(APP)).expectSuccessfulHandlerExecution();
        CourseAccessGranted access = fixture.getEventStore().readEvents(APP).asStream().map(m -> m.getPayload())
                .filter(CourseAccessGranted.class::isInstance).map(CourseAccessGranted.class::cast).findFirst().orElseThrow();
        Assertions.assertThat(access.courseUrl()).isEqualTo("https://lms.fioco.ru/course/view.php?id=7");
        Assertions.assertThat(access.tutors()).extracting(CourseAccessGranted.Tutor::name)
                .containsExactly("Иванова Мария Петровна", "Сидоров Олег Ильич");
    }

    @Test
    void withdrawalBeforeConclusionCancelsTheContractAndNothingFollowsIt() {
        documents.put(APP, new DocumentStatus.Facts(true, true, true));
        fixture.given(opened(PREPAID)).when(new ContractCommands.CancelContract(APP, "Школа передумала"))
                .expectEvents(new ContractCancelled(APP, LocalDate.of(2027, 1, 20), "Школа передумала"));
        Object[] cancelled = with(opened(PREPAID), new ContractCancelled(APP, LocalDate.of(2027, 1, 20), "Школа передумала"));
        fixture.given(cancelled).when(new Conclude(APP)).expectNoEvents().expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("отменён"));
        fixture.given(cancelled).when(new ContractCommands.ReviseDrafts(APP, "п. 4")).expectException(ConflictException.class);
        fixture.given(cancelled).when(new ContractCommands.CancelContract(APP, "ещё раз")).expectNoEvents();
        fixture.given(cancelled).when(new ContractCommands.TerminateContract(APP, null, "нет", BigDecimal.ZERO))
                .expectException(ConflictException.class);
        // a concluded contract is not cancelled by a withdrawal that crossed the conclusion: staff terminate it
        fixture.given(concluded(PREPAID)).when(new ContractCommands.CancelContract(APP, "поздно"))
                .expectNoEvents().expectException(ConflictException.class);
    }

    @Test
    void staffTerminateAConcludedContractSayingWhatIsOwed() {
        clock.at("2027-02-05");
        fixture.given(opened(PREPAID)).when(new ContractCommands.TerminateContract(APP, null, "отказ", BigDecimal.ZERO))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("снимите заявку"));
        fixture.given(concluded(PREPAID))
                .when(new ContractCommands.TerminateContract(APP, LocalDate.of(2027, 2, 4), " Соглашение сторон ",
                        new BigDecimal("6000.00")))
                .expectEvents(new ContractTerminated(APP, LocalDate.of(2027, 2, 4), "Соглашение сторон",
                        new BigDecimal("6000.00")));
        fixture.given(concluded(PREPAID))
                .when(new ContractCommands.TerminateContract(APP, LocalDate.of(2027, 2, 6), " ", new BigDecimal("24000.01")))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("terminatedOn"),
                        Matchers.containsString("reason"), Matchers.containsString("amountOwed")));
        fixture.given(concluded(PREPAID))
                .when(new ContractCommands.TerminateContract(APP, LocalDate.of(2027, 1, 19), "до заключения", null))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("terminatedOn"),
                        Matchers.containsString("amountOwed")));
        Object[] terminated = with(concluded(PREPAID), new ContractTerminated(APP, LocalDate.of(2027, 2, 4),
                "Соглашение сторон", new BigDecimal("6000.00")));
        fixture.given(terminated).when(new ContractCommands.IssueAct(APP)).expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("расторгнут"));
        fixture.given(terminated).when(new ContractCommands.TerminateContract(APP, null, "ещё", BigDecimal.ZERO))
                .expectException(ConflictException.class);
        // the money owed can still be paid against the invoice
        fixture.given(terminated).when(new RecordPayment(APP, "90", LocalDate.of(2027, 2, 5), new BigDecimal("6000.00")))
                .expectEvents(new PaymentRecorded(APP, "90", LocalDate.of(2027, 2, 5), new BigDecimal("6000.00"),
                        new BigDecimal("6000.00"), false));
    }

    @Test
    void aCorrectedParticipantIsNamedAnewInTheNextDrafts() {
        fixture.given(opened(PREPAID))
                .when(new CorrectParticipant(APP, "p1", "Петрова Пелагея Петровна"))
                .expectEvents(new ContractParticipantCorrected(APP, "p1", "Петрова Пелагея Петровна"),
                        new ContractDraftsIssued(APP, 2, "contract-v2", "consent-1", "Исправлены данные участника"));
        Assertions.assertThat(drafted).last().asList()
                .containsExactly("Петрова Пелагея Петровна (Математика)", "Иванова Мария Ивановна (Физика)");
    }

    @Test
    void aCorrectionThatComesAgainOrNamesNoParticipantChangesNothing() {
        fixture.given(opened(PREPAID)).when(new CorrectParticipant(APP, "p1", "Петров Пётр Петрович"))
                .expectNoEvents();
        fixture.given(opened(PREPAID)).when(new CorrectParticipant(APP, "p9", "Сидоров Сидор"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatRacedTheConclusionIsRecordedWithoutNewDrafts() {
        // application-service locks participants on conclusion; one accepted just before still reaches the contract,
        // so certificates name the participant as corrected
        fixture.given(concluded(PREPAID)).when(new CorrectParticipant(APP, "p2", "Иванова Марина Ивановна"))
                .expectEvents(new ContractParticipantCorrected(APP, "p2", "Иванова Марина Ивановна"));
    }

    private Object[] concluded(ContractTerms terms) {
        Object[] opened = opened(terms);
        Object[] all = terms.prepayment()
                ? new Object[] {opened[0], opened[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20)),
                        new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 1, 20), "i")}
                : new Object[] {opened[0], opened[1], new ContractConcluded(APP, LocalDate.of(2027, 1, 20))};
        return all;
    }

    /** The act of 15 February 2027, the originals due on the 18th. */
    private static Object act() {
        return new ServiceActIssued(APP, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "a", LocalDate.of(2027, 2, 18), false);
    }

    private static Object originals() {
        return new OriginalsReceived(APP, LocalDate.of(2027, 2, 17), 2, 2, null, true);
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
                paymentTerms, List.of(new ContractTerms.Participant("p1", "Петров Пётр Петрович", "Математика"),
                        new ContractTerms.Participant("p2", "Иванова Мария Ивановна", "Физика")), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", "Иванова М. П.", "tutor@fioco.ru");
    }
}
