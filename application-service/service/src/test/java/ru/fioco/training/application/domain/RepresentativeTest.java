package ru.fioco.training.application.domain;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.PersonalDataErased.ErasureBasis;
import ru.fioco.training.application.api.RepresentativeConfirmed;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.api.RepresentativeProfileChanged;
import ru.fioco.training.application.api.RepresentativeRefused;
import ru.fioco.training.application.api.RepresentativeRegistered;
import ru.fioco.training.application.api.RepresentativeRevoked;
import ru.fioco.training.application.api.RepresentativeSettings;
import ru.fioco.training.application.domain.RepresentativeCommands.ChangeSettings;
import ru.fioco.training.application.domain.RepresentativeCommands.Confirm;
import ru.fioco.training.application.domain.RepresentativeCommands.EraseData;
import ru.fioco.training.application.domain.RepresentativeCommands.Refuse;
import ru.fioco.training.application.domain.RepresentativeCommands.Register;
import ru.fioco.training.application.domain.RepresentativeCommands.Revoke;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.testing.MovableClock;

/** Who represents which organisation: the request, the institute's decisions, and what each state allows. */
class RepresentativeTest {

    static final String ID = "person-1";
    static final String INN = "7707083893";
    static final String OTHER_INN = "7736207543";
    static final RepresentativeProfile TYPED = new RepresentativeProfile(" Сумкин ", "Фёдор", "Иванович",
            "МБОУ «Школа № 1»", "Заместитель директора", "Высшее", "Sumkin@School.ru", "+7 (495) 123-45-67", "sumkin");
    static final RepresentativeProfile STORED = new RepresentativeProfile("Сумкин", "Фёдор", "Иванович",
            "МБОУ «Школа № 1»", "Заместитель директора", "Высшее", "Sumkin@school.ru", "+74951234567", "sumkin");

    private AggregateTestFixture<Representative> fixture;
    private final MovableClock clock = new MovableClock();
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Representative.class);
        fixture.registerInjectableResource(clock);
        clock.at(Instant.parse("2026-12-01T09:00:00Z"));
        now = clock.instant();
    }

    @Test
    void aRegistrationIsARequestWithTheAgreementsVersionAndMoment() {
        fixture.givenNoPriorActivity().when(register(INN))
                .expectEvents(registered(INN));
    }

    @Test
    void theSameRequestAgainChangesNothingAnotherReplacesIt() {
        fixture.given(registered(INN)).when(register(INN)).expectNoEvents();
        fixture.given(registered(INN)).when(register(OTHER_INN)).expectEvents(registered(OTHER_INN));
    }

    @Test
    void aConfirmedRepresentativeChangesTheProfileNotTheOrganisation() {
        RepresentativeProfile moved = new RepresentativeProfile("Сумкин", "Фёдор", "Иванович", "МБОУ «Школа № 1»",
                "Директор", "Высшее", "Sumkin@school.ru", "+74951234567", "sumkin");
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN))
                .when(new Register(ID, INN, moved, null, PersonalDataAgreement.CURRENT_VERSION, true))
                .expectEvents(new RepresentativeProfileChanged(ID, moved));
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN)).when(register(OTHER_INN))
                .expectException(ConflictException.class).expectExceptionMessage(Matchers.containsString(INN));
    }

    @Test
    void onlyAFormerRepresentativesDataAreErasedAndOnlyOnce() {
        RepresentativeDataErased erased = new RepresentativeDataErased(ID, "e1", ErasureBasis.CONSENT_WITHDRAWN,
                "staff-1", now);
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "Нет доверенности"))
                .when(new EraseData(ID, "e1", "staff-1", ErasureBasis.CONSENT_WITHDRAWN)).expectEvents(erased);
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN), new RepresentativeRevoked(ID, INN, "Уволился"))
                .when(new EraseData(ID, "e1", "staff-1", ErasureBasis.CONSENT_WITHDRAWN)).expectEvents(erased);
        // asking to act, or acting: processed under the agreement still
        fixture.given(registered(INN)).when(new EraseData(ID, "e1", "staff-1", ErasureBasis.PURPOSE_ACHIEVED))
                .expectException(ConflictException.class);
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN))
                .when(new EraseData(ID, "e1", "staff-1", ErasureBasis.PURPOSE_ACHIEVED))
                .expectException(ConflictException.class);
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x"))
                .when(new EraseData(ID, "e1", "staff-1", null)).expectException(InvalidInputException.class);
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x"), erased)
                .when(new EraseData(ID, "e2", "staff-1", ErasureBasis.PURPOSE_ACHIEVED))
                .expectException(ConflictException.class);
    }

    @Test
    void nothingIsKeptAgainUnderAnErasedPersonsKey() {
        RepresentativeDataErased erased = new RepresentativeDataErased(ID, "e1", ErasureBasis.CONSENT_WITHDRAWN,
                "staff-1", now);
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x"), erased).when(register(INN))
                .expectException(ConflictException.class)
                .expectExceptionMessage(Matchers.containsString("новой учётной записью"));
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x"), erased)
                .when(new ChangeSettings(ID, RepresentativeSettings.forTraining())).expectException(ConflictException.class);
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x"), erased).when(new Confirm(ID, INN))
                .expectException(ConflictException.class);
    }

    @Test
    void onlyAPendingRequestIsDecidedAndOnlyAConfirmedOneRevoked() {
        fixture.given(registered(INN)).when(new Confirm(ID, INN)).expectEvents(new RepresentativeConfirmed(ID, INN));
        fixture.given(registered(INN)).when(new Confirm(ID, OTHER_INN)).expectException(ConflictException.class);
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN)).when(new Confirm(ID, INN)).expectNoEvents();
        fixture.given(registered(INN)).when(new Refuse(ID, " Нет доверенности "))
                .expectEvents(new RepresentativeRefused(ID, INN, "Нет доверенности"));
        fixture.given(registered(INN)).when(new Refuse(ID, " ")).expectException(InvalidInputException.class);
        fixture.given(registered(INN)).when(new Revoke(ID, "Уволился")).expectException(ConflictException.class);
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN)).when(new Revoke(ID, "Уволился"))
                .expectEvents(new RepresentativeRevoked(ID, INN, "Уволился"));
        fixture.given(registered(INN), new RepresentativeRefused(ID, INN, "x")).when(new Confirm(ID, INN))
                .expectException(ConflictException.class);
        // after a refusal or a revocation the person may ask again
        fixture.given(registered(INN), new RepresentativeConfirmed(ID, INN), new RepresentativeRevoked(ID, INN, "x"))
                .when(register(INN)).expectEvents(registered(INN));
    }

    @Test
    void theAgreementMustBeAcceptedInItsCurrentVersion() {
        fixture.givenNoPriorActivity()
                .when(new Register(ID, INN, TYPED, null, PersonalDataAgreement.CURRENT_VERSION, false))
                .expectException(InvalidInputException.class).expectExceptionMessage(Matchers.containsString("соглашение"));
        fixture.givenNoPriorActivity().when(new Register(ID, INN, TYPED, null, "2020-01-01", true))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new Register(ID, "7707083890", TYPED, null,
                PersonalDataAgreement.CURRENT_VERSION, true)).expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.containsString("контрольная сумма"));
    }

    private static Register register(String inn) {
        return new Register(ID, inn, TYPED, null, PersonalDataAgreement.CURRENT_VERSION, true);
    }

    private RepresentativeRegistered registered(String inn) {
        return new RepresentativeRegistered(ID, inn, STORED, RepresentativeSettings.forTraining(),
                PersonalDataAgreement.CURRENT_VERSION, now);
    }
}
