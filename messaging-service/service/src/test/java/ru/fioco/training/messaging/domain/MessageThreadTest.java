package ru.fioco.training.messaging.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.messaging.domain.ThreadCommands.Acting;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;

/** The thread's rules, event by event: notices once per cause, closed threads, read marks, attachments used once. */
class MessageThreadTest {

    static final String APP = "app-1";
    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    static final Acting SCHOOL = new Acting("school@example.ru", "representative", "7707083893");
    static final Acting OTHER_SCHOOL = new Acting("other@example.ru", "representative", "500100732259");
    static final Acting STAFF = new Acting("staff@fioco.ru", "staff", null);
    static final ThreadOpened OPENED = new ThreadOpened(APP, "000-000001", "7707083893", "Школа № 1", "prog",
            "Смирнова Анна", "anna@school.ru");
    static final MessagePosted.Attachment FILE = new MessagePosted.Attachment("65a0c0ffee0000000000000a", "скан.pdf",
            "application/pdf", 10, "ab");

    private AggregateTestFixture<MessageThread> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MessageThread.class);
    }

    @Test
    void theFirstSubmissionOpensTheThreadAndAResubmissionOnlyUpdatesTheContact() {
        fixture.givenNoPriorActivity()
                .when(new ThreadCommands.OpenThread(APP, "000-000001", "7707083893", "Школа № 1", "prog", "Смирнова Анна",
                        "anna@school.ru"))
                .expectEvents(OPENED);
        fixture.given(OPENED)
                .when(new ThreadCommands.OpenThread(APP, "000-000001", "7707083893", "Школа № 1", "prog", "Смирнова Анна",
                        "anna@school.ru"))
                .expectNoEvents();
        fixture.given(OPENED)
                .when(new ThreadCommands.OpenThread(APP, "000-000001", "7707083893", "Школа № 1", "prog", "Орлов Павел",
                        "orlov@school.ru"))
                .expectEvents(new ApplicantContactChanged(APP, "Орлов Павел", "orlov@school.ru"));
    }

    static final NoticeParameters INVOICE = NoticeParameters.builder().documentNumber("СЧ-2027-000001")
            .amount(new BigDecimal("12000.00")).build();

    @Test
    void aNoticeIsPostedOncePerCauseAndMailedToItsAudience() {
        NoticePosted posted = new NoticePosted(APP, "n1", 1, NoticeKind.INVOICE_ISSUED, List.of(Side.ORGANISATION),
                INVOICE, "ce-1", AT, List.of("anna@school.ru"));
        fixture.given(OPENED)
                .when(notice("ce-1", List.of(Side.ORGANISATION), true))
                .expectEvents(posted)
                .expectResultMessagePayload(1L);
        fixture.given(OPENED, posted)
                .when(notice("ce-1", List.of(Side.ORGANISATION), true))
                .expectNoEvents();
        fixture.given(OPENED, posted)
                .when(notice("ce-2", List.of(Side.ORGANISATION, Side.INSTITUTE), true))
                .expectEvents(new NoticePosted(APP, "n1", 2, NoticeKind.INVOICE_ISSUED,
                        List.of(Side.ORGANISATION, Side.INSTITUTE), INVOICE, "ce-2", AT,
                        List.of("anna@school.ru", "pk@fioco.ru")));
        fixture.given(OPENED)
                .when(notice("ce-3", List.of(Side.ORGANISATION), false))
                .expectEvents(new NoticePosted(APP, "n1", 1, NoticeKind.INVOICE_ISSUED, List.of(Side.ORGANISATION),
                        INVOICE, "ce-3", AT, List.of()));
    }

    @Test
    void aNoticeStoredBeforeNoticesWereDataStillCountsForItsCauseAndSequence() {
        SystemNoticePosted old = new SystemNoticePosted(APP, "n0", 1, NoticeKind.INVOICE_ISSUED,
                List.of(Side.ORGANISATION), "Счёт", "Текст", "ce-1", AT, List.of("anna@school.ru"));
        fixture.given(OPENED, old)
                .when(notice("ce-1", List.of(Side.ORGANISATION), true))
                .expectNoEvents();
        fixture.given(OPENED, old)
                .when(notice("ce-2", List.of(Side.ORGANISATION), false))
                .expectEvents(new NoticePosted(APP, "n1", 2, NoticeKind.INVOICE_ISSUED, List.of(Side.ORGANISATION),
                        INVOICE, "ce-2", AT, List.of()));
    }

    @Test
    void peopleWriteToOpenThreadsOfTheirOwnOrganisationOnly() {
        fixture.given(OPENED)
                .when(new ThreadCommands.PostMessage(APP, "m1", SCHOOL, "Вопрос", List.of(FILE), AT))
                .expectEvents(new MessagePosted(APP, "m1", 1, Side.ORGANISATION, "school@example.ru", "Вопрос",
                        List.of(FILE), AT));
        fixture.given(OPENED)
                .when(new ThreadCommands.PostMessage(APP, "m1", OTHER_SCHOOL, "Вопрос", List.of(), AT))
                .expectException(NotFoundException.class);
        fixture.given(OPENED, new ThreadClosed(APP, "Заявка снята"))
                .when(new ThreadCommands.PostMessage(APP, "m1", STAFF, "Ответ", List.of(), AT))
                .expectException(ConflictException.class);
        fixture.given(OPENED, new MessagePosted(APP, "m1", 1, Side.ORGANISATION, "school@example.ru", "Вопрос",
                        List.of(FILE), AT))
                .when(new ThreadCommands.PostMessage(APP, "m2", SCHOOL, "Ещё раз", List.of(FILE), AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aReadMarkOnlyMovesForwardAndNotBeyondTheLastMessage() {
        MessagePosted first = new MessagePosted(APP, "m1", 1, Side.ORGANISATION, "school@example.ru", "Вопрос", List.of(), AT);
        MessagePosted second = new MessagePosted(APP, "m2", 2, Side.ORGANISATION, "school@example.ru", "Ещё", List.of(), AT);
        fixture.given(OPENED, first, second)
                .when(new ThreadCommands.MarkRead(APP, STAFF, null, AT))
                .expectEvents(new ThreadRead(APP, Side.INSTITUTE, 2, "staff@fioco.ru", AT));
        fixture.given(OPENED, first, second, new ThreadRead(APP, Side.INSTITUTE, 2, "staff@fioco.ru", AT))
                .when(new ThreadCommands.MarkRead(APP, STAFF, 1L, AT))
                .expectNoEvents();
        fixture.given(OPENED, first)
                .when(new ThreadCommands.MarkRead(APP, STAFF, 5L, AT))
                .expectException(InvalidInputException.class);
        fixture.given(OPENED, first)
                .when(new ThreadCommands.MarkRead(APP, OTHER_SCHOOL, null, AT))
                .expectException(NotFoundException.class);
    }

    @Test
    void aNoticeStillGoesIntoAClosedThreadButPeopleCannotWrite() {
        fixture.given(OPENED, new ThreadClosed(APP, "Заявка выполнена"))
                .when(notice("ce-9", List.of(Side.ORGANISATION), false))
                .expectSuccessfulHandlerExecution();
        fixture.given(OPENED, new ThreadClosed(APP, "Заявка выполнена"))
                .when(new ThreadCommands.CloseThread(APP, "ещё раз"))
                .expectNoEvents();
    }

    private static ThreadCommands.PostNotice notice(String cause, List<Side> audience, boolean mail) {
        return new ThreadCommands.PostNotice(APP, "n1", NoticeKind.INVOICE_ISSUED, audience, INVOICE, cause, AT, mail,
                "pk@fioco.ru");
    }
}
