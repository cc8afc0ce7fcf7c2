package ru.fioco.training.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.application.domain.ApplicationCommands.Acting;
import ru.fioco.training.application.domain.ApplicationCommands.ChangeDraft;
import ru.fioco.training.application.domain.ApplicationCommands.CorrectParticipant;
import ru.fioco.training.application.domain.ApplicationCommands.DraftApplication;
import ru.fioco.training.application.domain.ApplicationCommands.LockParticipants;
import ru.fioco.training.application.domain.ApplicationCommands.ReturnForCorrection;
import ru.fioco.training.application.domain.ApplicationCommands.SubmitApplication;
import ru.fioco.training.application.domain.ApplicationCommands.TakeIntoWork;
import ru.fioco.training.application.domain.ApplicationCommands.WithdrawApplication;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.errors.RuleViolationException;
import ru.fioco.training.platform.testing.MovableClock;

/** The application's rules, given/when/then on Axon's fixture with the official production calendar and a fixed clock. */
class ApplicationTest {

    static final String ID = "app-1";
    static final Acting SCHOOL = Acting.representative(ApplicationForms.INN);
    static final ProductionCalendar CALENDAR = ProductionCalendar.official();

    private AggregateTestFixture<Application> fixture;
    private final Map<String, ProgrammeFacts> programmes = new HashMap<>();
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final MovableClock clock = new MovableClock();
    /** The scans document-service holds, per participant; null: every required scan of everyone. */
    private Map<String, Set<DocumentSlot>> scans;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((ProgrammeDirectory) id -> Optional.ofNullable(programmes.get(id)));
        fixture.registerInjectableResource((UploadedScans) id -> scans != null ? scans : new HashMap<>() {
            @Override
            public Set<DocumentSlot> getOrDefault(Object participant, Set<DocumentSlot> none) {
                return EnumSet.allOf(DocumentSlot.class);
            }
        });
        programme("may-2025", LocalDate.of(2025, 5, 12));
        programme("jun-2023", LocalDate.of(2023, 6, 5));
        programme("nov-2025", LocalDate.of(2025, 11, 10));
        programme("jan-2027", LocalDate.of(2027, 1, 11));
        programme("feb-2027", LocalDate.of(2027, 2, 1));
    }

    @Test
    void aRepresentativeDraftsAnApplicationWithNormalisedIdentifiers() {
        at("2026-11-23");
        fixture.givenNoPriorActivity()
                .when(new DraftApplication(ID, SCHOOL, ApplicationForms.complete("feb-2027", 2)))
                .expectSuccessfulHandlerExecution();
        ApplicationDrafted drafted = lastEvent(ApplicationDrafted.class);
        assertThat(drafted.type()).isEqualTo(ApplicationType.TRAINING);
        assertThat(drafted.organisationInn()).isEqualTo(ApplicationForms.INN);
        assertThat(drafted.form().applicant().workPhone()).isEqualTo("+74951234567");
        assertThat(drafted.form().applicant().mobilePhone()).isEqualTo("+79161234567");
        assertThat(drafted.form().applicant().email()).isEqualTo("Sarazied@yandex.ru");
        assertThat(drafted.form().participants()).hasSize(2).allSatisfy(p -> assertThat(p.participantId()).isNotBlank());
    }

    @Test
    void staffDoNotDraftApplications() {
        at("2026-11-23");
        fixture.givenNoPriorActivity()
                .when(new DraftApplication(ID, Acting.staff(), ApplicationForms.complete("feb-2027", 1)))
                .expectNoEvents().expectException(AccessDeniedException.class);
    }

    @Test
    void submissionOnTheLastAllowedDayPassesAndNumbersTheApplication() {
        // start Monday 2025-05-12; 1-4 and 8-11 May are days off: the 7th working day back is Friday 25 April
        at("2025-04-25");
        fixture.given(drafted("may-2025"))
                .when(new SubmitApplication(ID, SCHOOL))
                .expectSuccessfulHandlerExecution();
        ApplicationSubmitted submitted = lastEvent(ApplicationSubmitted.class);
        assertThat(submitted.number()).matches("000-\\d{6}");
        // reviewed within 3 working days: Mon 28, Tue 29, Wed 30 April
        assertThat(submitted.reviewDueDate()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(submitted.reviewDueProvisional()).isFalse();
    }

    @Test
    void rejectsSubmissionLessThanSevenWorkingDaysBeforeStartAcrossTheMayHolidays() {
        at("2025-04-28"); // 6 working days before 12 May 2025
        RuleViolationException refusal = refusal(RuleViolationException.class, "may-2025");
        assertThat(refusal.rule()).isEqualTo("submission-deadline");
        assertThat(refusal.facts()).containsEntry("lastAllowedDate", "2025-04-25").containsEntry("provisionalCalendar", false);
        assertThat(refusal.getMessage()).contains("2025-04-25");
    }

    @Test
    void aTransferredWorkingSaturdayCountsAsAWorkingDay() {
        // start Monday 2025-11-10: 7 Nov, 6, 5, Saturday 1 Nov (working), 31 Oct, 30, 29 -> last day 29 October
        at("2025-10-29");
        fixture.given(drafted("nov-2025")).when(new SubmitApplication(ID, SCHOOL)).expectSuccessfulHandlerExecution();
        at("2025-10-30");
        RuleViolationException refusal = refusal(RuleViolationException.class, "nov-2025");
        assertThat(refusal.facts()).containsEntry("lastAllowedDate", "2025-10-29");
    }

    @Test
    void aDeadlineInAYearWithoutOfficialDataIsMarkedProvisional() {
        // 2027 has no official calendar yet: 1-8 January are the Labour Code's holidays, 31 December 2026 is off
        // (official): back from Sunday 10 January, 30, 29, 28, 25, 24, 23, 22 December -> the 22nd
        at("2026-12-23");
        RuleViolationException refusal = refusal(RuleViolationException.class, "jan-2027");
        assertThat(refusal.facts()).containsEntry("lastAllowedDate", "2026-12-22").containsEntry("provisionalCalendar", true);
        assertThat(refusal.getMessage()).contains("предварительному");
        at("2026-11-23");
        fixture.given(drafted("feb-2027")).when(new SubmitApplication(ID, SCHOOL)).expectSuccessfulHandlerExecution();
    }

    @Test
    void submissionNeedsConsentAndAtLeastOneParticipant() {
        at("2026-11-23");
        ApplicationForm form = ApplicationForms.complete("feb-2027", 0);
        ApplicationForm noConsent = new ApplicationForm(form.applicant(), form.resultDelivery(), false, null,
                form.paymentTerms(), form.programmeId(), form.organisation(), false, List.of());
        fixture.given(new ApplicationDrafted(ID, ApplicationForms.INN, ApplicationType.TRAINING, noConsent))
                .when(new SubmitApplication(ID, SCHOOL))
                .expectNoEvents()
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(
                        Matchers.containsString("personalDataConsent"),
                        Matchers.containsString("participants")));
    }

    @Test
    void oneOpenApplicationPerOrganisationAndProgramme() {
        at("2026-11-23");
        registry.claim(ApplicationForms.INN, "feb-2027", "other-app", "000-000042");
        fixture.given(drafted("feb-2027"))
                .when(new SubmitApplication(ID, SCHOOL))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("000-000042"));
    }

    @Test
    void aReturnedApplicationKeepsItsNumberWhenSubmittedAgain() {
        at("2026-11-23");
        ApplicationSubmitted first = new ApplicationSubmitted(ID, "000-000007", CALENDAR.endOfDay(LocalDate.of(2026, 11, 23)).toInstant(),
                LocalDate.of(2026, 11, 26), false, ApplicationForms.complete("feb-2027", 1));
        registry.claim(ApplicationForms.INN, "feb-2027", ID, "000-000007");
        fixture.given(drafted("feb-2027"), first, new ApplicationReturned(ID, "Исправьте СНИЛС"))
                .when(new SubmitApplication(ID, SCHOOL))
                .expectSuccessfulHandlerExecution();
        assertThat(lastEvent(ApplicationSubmitted.class).number()).isEqualTo("000-000007");
    }

    @Test
    void staffTakeIntoWorkAndReturnWithAReasonButRepresentativesMayNot() {
        at("2026-11-23");
        Object submitted = submittedEvent();
        fixture.given(drafted("feb-2027"), submitted).when(new TakeIntoWork(ID, Acting.staff()))
                .expectEvents(new ApplicationTakenIntoWork(ID, "000-000001", ApplicationForms.INN, "feb-2027",
                        ApplicationForm.PaymentTerms.PREPAYMENT, 2));
        fixture.given(drafted("feb-2027"), submitted).when(new TakeIntoWork(ID, SCHOOL))
                .expectException(AccessDeniedException.class);
        fixture.given(drafted("feb-2027"), submitted).when(new ReturnForCorrection(ID, Acting.staff(), " "))
                .expectException(InvalidInputException.class);
        fixture.given(drafted("feb-2027"), submitted).when(new ReturnForCorrection(ID, Acting.staff(), "Нет СНИЛС"))
                .expectEvents(new ApplicationReturned(ID, "Нет СНИЛС"));
    }

    @Test
    void anotherOrganisationsRepresentativeFindsNothing() {
        at("2026-11-23");
        Acting stranger = Acting.representative("500100732259");
        fixture.given(drafted("feb-2027")).when(new SubmitApplication(ID, stranger)).expectException(NotFoundException.class);
        fixture.given(drafted("feb-2027")).when(new ChangeDraft(ID, stranger, ApplicationForms.complete("feb-2027", 1)))
                .expectException(NotFoundException.class);
        fixture.given(drafted("feb-2027")).when(new WithdrawApplication(ID, stranger, "чужая"))
                .expectException(NotFoundException.class);
    }

    @Test
    void withdrawalFreesTheProgrammeAndIsFinal() {
        at("2026-11-23");
        registry.claim(ApplicationForms.INN, "feb-2027", ID, "000-000001");
        fixture.given(drafted("feb-2027"), submittedEvent())
                .when(new WithdrawApplication(ID, SCHOOL, "Передумали"))
                .expectEvents(new ApplicationWithdrawn(ID, "Передумали", "representative"));
        assertThat(registry.claims).isEmpty();
        fixture.given(drafted("feb-2027"), new ApplicationWithdrawn(ID, "x", "staff"))
                .when(new WithdrawApplication(ID, Acting.staff(), "ещё раз"))
                .expectException(ConflictException.class);
    }

    @Test
    void aDraftMayBeIncompleteButNotWrong() {
        at("2026-11-23");
        ApplicationForm form = ApplicationForms.complete("feb-2027", 1);
        ApplicationForm partial = new ApplicationForm(null, null, false, null, null, "feb-2027",
                new ApplicationForm.Organisation(null, null, null, null, null, null, null, "7707083894", null, null),
                false, List.of());
        fixture.givenNoPriorActivity().when(new DraftApplication(ID, SCHOOL, partial))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("organisation.inn"));
        ApplicationForm partialValid = new ApplicationForm(null, null, false, null, null, "feb-2027",
                form.organisation(), false, List.of());
        fixture.givenNoPriorActivity().when(new DraftApplication(ID, SCHOOL, partialValid)).expectSuccessfulHandlerExecution();
    }

    @Test
    void participantIdsAreTheServersAndAClientsOwnIsRefused() {
        at("2026-11-23");
        ApplicationForm withClientIds = withIds(ApplicationForms.complete("feb-2027", 2), "mine-1", "x".repeat(2_000_000));
        fixture.givenNoPriorActivity().when(new DraftApplication(ID, SCHOOL, withClientIds))
                .expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("participants[0].participantId"),
                        Matchers.containsString("participants[1].participantId")));
        // a change keeps the known participants' ids, gives new ones theirs, and refuses an id the draft never had
        ApplicationForm keep = withIds(ApplicationForms.complete("feb-2027", 3), "p1", null, null);
        fixture.given(drafted("feb-2027")).when(new ChangeDraft(ID, SCHOOL, keep)).expectSuccessfulHandlerExecution();
        List<ApplicationForm.Participant> changed = lastEvent(ApplicationChanged.class).form().participants();
        assertThat(changed.get(0).participantId()).isEqualTo("p1");
        assertThat(changed.get(1).participantId()).isNotBlank().isNotEqualTo(changed.get(2).participantId());
        fixture.given(drafted("feb-2027")).when(new ChangeDraft(ID, SCHOOL, withIds(ApplicationForms.complete("feb-2027", 2),
                        "p1", "p1")))
                .expectException(InvalidInputException.class).expectExceptionMessage(Matchers.containsString("дважды"));
        fixture.given(drafted("feb-2027")).when(new ChangeDraft(ID, SCHOOL, withIds(ApplicationForms.complete("feb-2027", 1),
                        "p9")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("participants[0].participantId"));
    }

    @Test
    void submissionNamesEveryMissingScanByParticipantAndSlot() {
        at("2026-11-23");
        scans = Map.of("p1", EnumSet.of(DocumentSlot.PASSPORT, DocumentSlot.SNILS, DocumentSlot.EDUCATION),
                "p2", EnumSet.of(DocumentSlot.SNILS));
        InvalidInputException refusal = refusal(InvalidInputException.class, "feb-2027");
        assertThat(refusal.violations()).extracting(FieldViolation::field)
                // the second participant's diploma says «Петров», not «Петров-1»: the name change is required of them
                .containsExactlyInAnyOrder("participants[1].documents.PASSPORT", "participants[1].documents.EDUCATION",
                        "participants[1].documents.NAME_CHANGE");
        assertThat(refusal.violations()).extracting(FieldViolation::message)
                .contains("загрузите скан: Паспорт (Петров-1 П. П.)");
        // the name-change document is required only of a participant whose diploma has another surname
        ApplicationForm form = ApplicationForms.complete("feb-2027", 1);
        ApplicationForm.Participant renamed = form.participants().get(0);
        renamed = new ApplicationForm.Participant("p1", "Сидорова", renamed.name(), renamed.patronymic(), renamed.sex(),
                renamed.position(), renamed.birthDate(), renamed.subject(), renamed.educationLevel(), "Иванова",
                renamed.diplomaSeries(), renamed.diplomaNumber(), renamed.snils(), renamed.email());
        ApplicationForm withRenamed = new ApplicationForm(form.applicant(), form.resultDelivery(),
                form.viaProcurementPlatform(), form.comment(), form.paymentTerms(), form.programmeId(),
                form.organisation(), true, List.of(renamed));
        fixture.given(new ApplicationDrafted(ID, ApplicationForms.INN, ApplicationType.TRAINING, withRenamed))
                .when(new SubmitApplication(ID, SCHOOL)).expectNoEvents().expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("participants[0].documents.NAME_CHANGE"));
        scans = Map.of("p1", EnumSet.allOf(DocumentSlot.class));
        fixture.given(new ApplicationDrafted(ID, ApplicationForms.INN, ApplicationType.TRAINING, withRenamed))
                .when(new SubmitApplication(ID, SCHOOL)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aParticipantCorrectedAfterSubmissionKeepsOldAndNewAndNothingChangesAfterConclusion() {
        at("2026-11-23");
        ApplicationForm.Participant before = ((ApplicationSubmitted) submittedEvent()).form().participants().get(0);
        ApplicationForm.Participant fixed = new ApplicationForm.Participant(null, "Петрова", before.name(),
                before.patronymic(), before.sex(), before.position(), before.birthDate(), before.subject(),
                before.educationLevel(), before.diplomaSurname(), before.diplomaSeries(), "654321", before.snils(),
                before.email());
        fixture.given(drafted("feb-2027"), submittedEvent())
                .when(new CorrectParticipant(ID, "p1", SCHOOL, fixed))
                .expectEvents(new ParticipantCorrected(ID, "p1", before, fixed.withId("p1"),
                        List.of("surname", "diplomaNumber")));
        // the same data again changes nothing
        fixture.given(drafted("feb-2027"), submittedEvent()).when(new CorrectParticipant(ID, "p1", SCHOOL, before))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        // another subject is another participant: a return for correction, by staff
        ApplicationForm.Participant physics = new ApplicationForm.Participant(null, before.surname(), before.name(),
                before.patronymic(), before.sex(), before.position(), before.birthDate(), "Физика",
                before.educationLevel(), before.diplomaSurname(), before.diplomaSeries(), before.diplomaNumber(),
                before.snils(), before.email());
        fixture.given(drafted("feb-2027"), submittedEvent()).when(new CorrectParticipant(ID, "p1", SCHOOL, physics))
                .expectException(InvalidInputException.class).expectExceptionMessage(Matchers.containsString("subject"));
        fixture.given(drafted("feb-2027"), submittedEvent()).when(new CorrectParticipant(ID, "p9", SCHOOL, fixed))
                .expectException(NotFoundException.class);
        fixture.given(drafted("feb-2027"), submittedEvent())
                .when(new CorrectParticipant(ID, "p1", Acting.representative("500100732259"), fixed))
                .expectException(NotFoundException.class);
        fixture.given(drafted("feb-2027")).when(new CorrectParticipant(ID, "p1", SCHOOL, fixed))
                .expectException(ConflictException.class);
        fixture.given(drafted("feb-2027"), submittedEvent(), new ParticipantsLocked(ID))
                .when(new CorrectParticipant(ID, "p1", SCHOOL, fixed))
                .expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("Договор заключён"));
        fixture.given(drafted("feb-2027"), submittedEvent(), new ParticipantsLocked(ID))
                .when(new LockParticipants(ID)).expectNoEvents();
    }

    @Test
    void aProgrammeOutsideTheCalendarIsARuleNamingTheProgrammeNotAnError() {
        at("2023-05-01");
        RuleViolationException refusal = refusal(RuleViolationException.class, "jun-2023");
        assertThat(refusal.rule()).isEqualTo("calendar-coverage");
        assertThat(refusal.field()).isEqualTo("programmeId");
        assertThat(refusal.facts()).containsEntry("firstCalendarYear", 2024);
    }

    private Object drafted(String programmeId) {
        return new ApplicationDrafted(ID, ApplicationForms.INN, ApplicationType.TRAINING,
                withIds(ApplicationForms.complete(programmeId, 2), "p1", "p2"));
    }

    private Object submittedEvent() {
        return new ApplicationSubmitted(ID, "000-000001", CALENDAR.endOfDay(LocalDate.of(2026, 11, 23)).toInstant(),
                LocalDate.of(2026, 11, 26), false, withIds(ApplicationForms.complete("feb-2027", 2), "p1", "p2"));
    }

    /** The form with these participant ids, in order. */
    static ApplicationForm withIds(ApplicationForm form, String... ids) {
        List<ApplicationForm.Participant> participants = new ArrayList<>();
        for (int i = 0; i < form.participants().size(); i++) {
            participants.add(form.participants().get(i).withId(ids[i]));
        }
        return new ApplicationForm(form.applicant(), form.resultDelivery(), form.viaProcurementPlatform(), form.comment(),
                form.paymentTerms(), form.programmeId(), form.organisation(), form.personalDataConsent(), participants);
    }

    private void programme(String id, LocalDate start) {
        programmes.put(id, new ProgrammeFacts(id, "Программа " + id, start, List.of("Математика", "Физика"), true));
    }

    private void at(String date) {
        clock.at(date);
    }

    /** Submits the drafted application and returns the exception it was refused with. */
    private <T extends RuntimeException> T refusal(Class<T> type, String programmeId) {
        AtomicReference<Throwable> captured = new AtomicReference<>();
        fixture.given(drafted(programmeId)).when(new SubmitApplication(ID, SCHOOL))
                .expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<Throwable>(type.getSimpleName()) {
                    @Override
                    protected boolean matchesSafely(Throwable item) {
                        captured.set(item);
                        return type.isInstance(item);
                    }
                });
        return type.cast(captured.get());
    }

    private <E> E lastEvent(Class<E> type) {
        return fixture.getEventStore().readEvents(ID).asStream().map(m -> m.getPayload()).filter(type::isInstance)
                .map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    /** The registry with the same contract as the Mongo one, in memory. */
    static final class InMemoryRegistry implements SubmissionRegistry {

        final Map<String, String[]> claims = new HashMap<>();
        final AtomicLong counter = new AtomicLong();

        @Override
        public String nextNumber() {
            return String.format("000-%06d", counter.incrementAndGet());
        }

        @Override
        public synchronized void claim(String inn, String programmeId, String applicationId, String number) {
            String[] holder = claims.putIfAbsent(inn + "|" + programmeId, new String[] {applicationId, number});
            if (holder != null && !holder[0].equals(applicationId)) {
                throw new DuplicateApplicationException(holder[0], holder[1]);
            }
        }

        @Override
        public synchronized void release(String inn, String programmeId, String applicationId) {
            claims.computeIfPresent(inn + "|" + programmeId, (k, v) -> v[0].equals(applicationId) ? null : v);
        }
    }
}
