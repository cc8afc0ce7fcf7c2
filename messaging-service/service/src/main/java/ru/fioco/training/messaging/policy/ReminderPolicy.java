package ru.fioco.training.messaging.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.modelling.command.AggregateNotFoundException;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.application.api.ConsentWithdrawn;
import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammeClosed;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.contract.api.CertificateIssued;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractChangesRequested;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractCountersigned;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractParticipantCorrected;
import ru.fioco.training.contract.api.ContractProgrammeMoved;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.contract.api.TrainingResultRecorded;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.domain.Reminder;
import ru.fioco.training.messaging.domain.ReminderBook;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/**
 * The reminder schedule: which events set which reminders (a submitted application: the review due tomorrow, to
 * staff; a concluded contract: the course starting in 3 working days and tomorrow; an act: the originals due and
 * overdue; an invoice: its payment due and overdue), which cancel them, and firing those whose moment has come as notices keyed by the
 * reminder.
 */
@ApplicationScoped
public class ReminderPolicy {

    @Inject
    ReminderBook reminders;

    @Inject
    ApplicationFacts facts;

    @Inject
    Notices notices;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    private final EventHandlers<ApplicationEvent, Void> applications =
            EventHandlers.<ApplicationEvent, Void>of(ApplicationEvent.class, "messaging-service reminders: applications")
                    .handle(ApplicationSubmitted.class, e -> {
                        if (e.reviewDueDate() != null) {
                            reminders.schedule(Reminder.reviewDueTomorrow(e.applicationId(), e.reviewDueDate(), calendar));
                        }
                    })
                    .handle(ApplicationReturned.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.of(NoticeKind.REVIEW_DUE_TOMORROW), "заявка возвращена"))
                    .handle(ApplicationTakenIntoWork.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.of(NoticeKind.REVIEW_DUE_TOMORROW), "заявка взята в работу"))
                    .handle(ApplicationWithdrawn.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.allOf(NoticeKind.class), "заявка снята"))
                    .handle(ApplicationCompleted.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.allOf(NoticeKind.class), "заявка выполнена"))
                    .handle(ProgrammeChanged.class, e -> programmeChanged(e.programmeId()))
                    .ignore(ProgrammePublished.class, ProgrammeClosed.class, ApplicationDrafted.class,
                            ApplicationChanged.class, ParticipantCorrected.class, ParticipantsLocked.class,
                            PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    private final EventHandlers<ContractEvent, Void> contracts =
            EventHandlers.<ContractEvent, Void>of(ContractEvent.class, "messaging-service reminders: contracts")
                    .handle(ContractConcluded.class, e -> scheduleCourseReminders(e.applicationId()))
                    // the originals are due from the act; an act recorded before that sets them from the signed scan
                    .handle(ServiceActIssued.class, e -> originalsDue(e.applicationId(), e.originalsDueDate()))
                    .handle(SignedActAccepted.class, e -> originalsDue(e.applicationId(), e.originalsDueDate()))
                    .handle(OriginalsReceived.class, e -> {
                        if (e.completesTheSet()) {
                            reminders.cancel(e.applicationId(), EnumSet.of(NoticeKind.ORIGINALS_DUE,
                                    NoticeKind.ORIGINALS_OVERDUE), "оригиналы получены");
                        }
                    })
                    .handle(InvoiceIssued.class, e -> {
                        if (e.dueDate() != null) {
                            reminders.schedule(Reminder.paymentDueTomorrow(e.applicationId(), e.dueDate(), calendar));
                            reminders.schedule(Reminder.paymentOverdue(e.applicationId(), e.dueDate(), calendar));
                        }
                    })
                    .handle(PaymentRecorded.class, e -> {
                        if (e.fullyPaid()) {
                            reminders.cancel(e.applicationId(), EnumSet.of(NoticeKind.PAYMENT_DUE_TOMORROW,
                                    NoticeKind.PAYMENT_OVERDUE), "счёт оплачен");
                        }
                    })
                    .handle(ContractCancelled.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.allOf(NoticeKind.class), "договор отменён"))
                    .handle(ContractTerminated.class, e -> reminders.cancel(e.applicationId(),
                            EnumSet.allOf(NoticeKind.class), "договор расторгнут"))
                    .ignore(ContractChangesRequested.class, ContractCountersigned.class, ContractProgrammeMoved.class)
                    .ignore(ContractOpened.class, ContractDraftsIssued.class, CourseAccessGranted.class,
                            TrainingResultRecorded.class, CertificateIssued.class, PackageShipped.class,
                            ContractClosed.class, ContractParticipantCorrected.class)
                    .build();

    public void onApplication(ApplicationEvent event) {
        applications.handle(event, null);
    }

    public void onContract(ContractEvent event) {
        contracts.handle(event, null);
    }

    private void originalsDue(String applicationId, LocalDate due) {
        if (due != null) {
            reminders.schedule(Reminder.originalsDue(applicationId, due, calendar));
            reminders.schedule(Reminder.originalsOverdue(applicationId, due, calendar));
        }
    }

    /** The course reminders of a concluded contract, at the programme's current start date. */
    void scheduleCourseReminders(String applicationId) {
        Optional<LocalDate> start = facts.application(applicationId)
                .flatMap(a -> facts.programme(a.programmeId())).map(ApplicationFacts.Programme::startDate)
                .or(() -> facts.contractStart(applicationId));
        start.ifPresent(date -> {
            reminders.schedule(Reminder.courseStartsSoon(applicationId, date, calendar));
            reminders.schedule(Reminder.courseStartsTomorrow(applicationId, date));
        });
    }

    /** The programme's dates changed: concluded contracts' course reminders move with them. */
    void programmeChanged(String programmeId) {
        facts.applicationsOf(programmeId).stream().filter(facts::concluded).forEach(this::scheduleCourseReminders);
    }

    /**
     * Fires the reminders whose moment has come: each posts its notice (keyed by the reminder, so a crash
     * before it is marked fired posts nothing twice on the next pass) and is marked fired; one that is
     * past its use (the course began) expires without a notice.
     *
     * @return how many fired
     */
    public int fireDueReminders() {
        Instant now = clock.instant();
        int fired = 0;
        for (Reminder r : reminders.due(now, 100)) {
            if (!now.isBefore(r.expiresAt())) {
                reminders.settle(r.id(), ReminderBook.Status.EXPIRED, now, "срок напоминания прошёл");
                continue;
            }
            try {
                fire(r);
            } catch (AggregateNotFoundException noThread) {
                reminders.settle(r.id(), ReminderBook.Status.CANCELLED, now, "переписка не открыта");
                continue;
            }
            if (reminders.settle(r.id(), ReminderBook.Status.FIRED, now, null)) {
                fired++;
            }
        }
        return fired;
    }

    /** Posts a reminder's notice; keyed by the reminder's id, so posting it again after a crash changes nothing. */
    void fire(Reminder r) {
        ApplicationFacts.Application app = facts.application(r.applicationId()).orElse(null);
        NoticeParameters.Builder parameters = NoticeParameters.builder()
                .applicationNumber(app == null ? null : app.number())
                .programmeTitle(app == null ? null : facts.programme(app.programmeId())
                        .map(ApplicationFacts.Programme::title).orElse(null))
                .date(r.about(), r.provisional());
        notices.postToOpenThread("reminder:" + r.id(), r.applicationId(), r.kind(), audience(r.kind()), true,
                parameters.build());
    }

    private static List<Side> audience(NoticeKind reminder) {
        return switch (reminder) {
            case COURSE_STARTS_SOON, COURSE_STARTS_TOMORROW, ORIGINALS_DUE, PAYMENT_DUE_TOMORROW -> Notices.ORGANISATION;
            case REVIEW_DUE_TOMORROW -> Notices.INSTITUTE;
            case ORIGINALS_OVERDUE, PAYMENT_OVERDUE -> Notices.BOTH;
            default -> throw new IllegalStateException("not a reminder: " + reminder);
        };
    }
}
