package ru.fioco.training.application.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationStatus;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.PaymentState;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadOpened;

/** The history's fold over typed events, in the live read models' vocabulary (plain objects). */
class StateAsOfTest {

    static final String APP = "app-1";
    static final ApplicationForm FORM = ApplicationForms.complete("prog-1", 1);
    static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void aReturnedApplicationIsADraftAgainAsTheAggregateSays() {
        StateAsOf state = StateAsOf.fold(List.of(drafted(), submitted(), new ApplicationReturned(APP, "Исправьте СНИЛС")));

        assertThat(state.application().status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(state.application().statusTitle()).isEqualTo("черновик");
        assertThat(state.application().number()).isEqualTo("000-000001");
        assertThat(state.contract()).isNull();
    }

    @Test
    void everyStatusOfTheApplicationIsTheLiveOne() {
        assertThat(StateAsOf.fold(List.of(drafted())).application().status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(StateAsOf.fold(List.of(drafted(), submitted())).application().status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(StateAsOf.fold(List.of(drafted(), submitted(), taken())).application().status())
                .isEqualTo(ApplicationStatus.IN_WORK);
        assertThat(StateAsOf.fold(List.of(drafted(), submitted(), new ApplicationWithdrawn(APP, "Передумали",
                "representative"))).application().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(StateAsOf.fold(List.of(drafted(), submitted(), taken(), new ApplicationCompleted(APP)))
                .application().status()).isEqualTo(ApplicationStatus.COMPLETED);
    }

    @Test
    void documentsAreCountedByTheCabinetsMarksForTheCurrentParticipantsOnly() {
        List<Record> events = new ArrayList<>(List.of(
                new DocumentFileOpened(APP, ApplicationForms.INN, List.of(slots("p1"), slots("p2"))),
                uploaded("p1", DocumentSlot.PASSPORT, 1), uploaded("p1", DocumentSlot.SNILS, 1),
                uploaded("p2", DocumentSlot.PASSPORT, 1),
                new DocumentAccepted(APP, "p1", DocumentSlot.PASSPORT, 1),
                new DocumentRejected(APP, "p1", DocumentSlot.SNILS, 1, "Нечитаемо")));
        StateAsOf.DocumentsState before = StateAsOf.fold(events).documents();
        assertThat(before.uploaded()).isEqualTo(3);
        assertThat(before.accepted()).isEqualTo(1);
        assertThat(before.rejected()).isEqualTo(1);
        assertThat(before.awaitingReview()).isEqualTo(1);

        // a new version after a verdict awaits review again; a participant removed takes their slots along
        events.add(uploaded("p1", DocumentSlot.SNILS, 2));
        events.add(new ParticipantsFixed(APP, List.of(slots("p1")), true));
        StateAsOf.DocumentsState after = StateAsOf.fold(events).documents();
        assertThat(after.uploaded()).isEqualTo(2);
        assertThat(after.accepted()).isEqualTo(1);
        assertThat(after.rejected()).isZero();
        assertThat(after.awaitingReview()).isEqualTo(1);
        assertThat(after.allAccepted()).isFalse();

        events.add(new DocumentAccepted(APP, "p1", DocumentSlot.SNILS, 2));
        events.add(new ApplicationDocumentsAccepted(APP));
        assertThat(StateAsOf.fold(events).documents().allAccepted()).isTrue();
    }

    @Test
    void theContractSaysHowFarItCameAndHowMuchIsPaid() {
        List<Record> events = new ArrayList<>(List.of(opened(), new ContractConcluded(APP, LocalDate.of(2027, 1, 20)),
                new CourseAccessGranted(APP, "https://lms.example/42", "KEY", "Тьютор", "t@fioco.ru", "Шаги"),
                new InvoiceIssued(APP, "СЧ-2027-000001", new BigDecimal("24000.00"), LocalDate.of(2027, 1, 20), "d")));
        StateAsOf.ContractState concluded = StateAsOf.fold(events).contract();
        assertThat(concluded.status()).isEqualTo(ContractStatus.CONCLUDED);
        assertThat(concluded.payment()).isEqualTo(PaymentState.UNPAID);
        assertThat(concluded.label()).isEqualTo("заключён, не оплачен");

        events.add(new PaymentRecorded(APP, "1", LocalDate.of(2027, 1, 21), new BigDecimal("12000.00"),
                new BigDecimal("12000.00"), false));
        assertThat(StateAsOf.fold(events).contract().label()).isEqualTo("заключён, оплачен частично");

        // shipped before the originals arrived: the status does not go back
        events.add(new PackageShipped(APP, "80085012345678", false));
        events.add(new OriginalsReceived(APP, LocalDate.of(2027, 3, 1)));
        StateAsOf.ContractState shipped = StateAsOf.fold(events).contract();
        assertThat(shipped.status()).isEqualTo(ContractStatus.SHIPPED);
        assertThat(shipped.trackingNumber()).isEqualTo("80085012345678");
        assertThat(shipped.fullyPaid()).isFalse();

        events.add(new PaymentRecorded(APP, "2", LocalDate.of(2027, 3, 2), new BigDecimal("12000.00"),
                new BigDecimal("24000.00"), true));
        events.add(new ContractClosed(APP));
        StateAsOf.ContractState closed = StateAsOf.fold(events).contract();
        assertThat(closed.label()).isEqualTo("закрыт, оплачен");
        assertThat(closed.fullyPaid()).isTrue();
        assertThat(closed.paid()).isEqualByComparingTo("24000.00");
    }

    @Test
    void theThreadCountsMessagesAndNoticesOfBothRevisions() {
        StateAsOf.ThreadState thread = StateAsOf.fold(List.of(
                new ThreadOpened(APP, "000-000001", ApplicationForms.INN, "МБОУ", "prog-1", "Сумкин Ф. И.", "a@b.ru"),
                new MessagePosted(APP, "m1", 1, Side.ORGANISATION, "school", "Вопрос", List.of(), AT),
                new SystemNoticePosted(APP, "n1", 2, NoticeKind.APPLICATION_RECEIVED, List.of(Side.ORGANISATION),
                        "Заявка получена", "Текст", "c1", AT, List.of()),
                new NoticePosted(APP, "n2", 3, NoticeKind.CONTRACT_CONCLUDED, List.of(Side.ORGANISATION),
                        NoticeParameters.builder().date(LocalDate.of(2027, 1, 20)).build(), "c2", AT, List.of()),
                new ThreadClosed(APP, "Заявка выполнена"))).thread();

        assertThat(thread.open()).isFalse();
        assertThat(thread.messages()).isEqualTo(1);
        assertThat(thread.notices()).isEqualTo(2);
    }

    static ApplicationDrafted drafted() {
        return new ApplicationDrafted(APP, ApplicationForms.INN, ApplicationType.TRAINING, FORM);
    }

    static ApplicationSubmitted submitted() {
        return new ApplicationSubmitted(APP, "000-000001", AT, LocalDate.of(2027, 1, 13), false, FORM);
    }

    static ApplicationTakenIntoWork taken() {
        return new ApplicationTakenIntoWork(APP, "000-000001", ApplicationForms.INN, "prog-1",
                ApplicationForm.PaymentTerms.PREPAYMENT, 1);
    }

    static ParticipantSlots slots(String participantId) {
        return new ParticipantSlots(participantId, "Петров Пётр Петрович (Математика)", false);
    }

    static DocumentUploaded uploaded(String participantId, DocumentSlot slot, int version) {
        return new DocumentUploaded(APP, participantId, slot, version, "d" + version, 1000, "ab", "application/pdf",
                "скан.pdf", "school@example.ru");
    }

    static ContractOpened opened() {
        return new ContractOpened(APP, new ContractTerms("000-000001", ApplicationForms.INN, "МБОУ «Пример»",
                ApplicationForms.KPP, ApplicationForms.BIK, "Москва", "prog-1", "Программа", LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 12), 36, "PREPAYMENT", List.of(new ContractTerms.Participant("p1", "Петров"),
                new ContractTerms.Participant("p2", "Иванов")), new BigDecimal("12000.00"), "https://lms.example/42",
                "Тьютор", "t@fioco.ru"), new BigDecimal("24000.00"));
    }
}
