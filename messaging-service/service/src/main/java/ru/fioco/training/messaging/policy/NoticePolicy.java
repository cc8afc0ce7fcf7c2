package ru.fioco.training.messaging.policy;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;

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
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.domain.ThreadCommands.OpenThread;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundEvent;

/**
 * What the other services' events mean to the thread: the thread opens at the first submission and closes when
 * the application is withdrawn or completed; the steps the school or the institute must know of become notices,
 * as data (a kind and its parameters), those that need action mailed too. Each notice is keyed by the CloudEvent
 * that caused it. Reminders are {@link ReminderPolicy}'s.
 */
@ApplicationScoped
public class NoticePolicy {

    @Inject
    CommandGateway commands;

    @Inject
    ApplicationFacts facts;

    @Inject
    Notices notices;

    private final EventHandlers<ApplicationEvent, InboundEvent<?>> applications =
            EventHandlers.<ApplicationEvent, InboundEvent<?>>of(ApplicationEvent.class,
                            "messaging-service notices: applications")
                    .handle(ApplicationSubmitted.class, this::submitted)
                    .handle(ApplicationReturned.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.APPLICATION_RETURNED, Notices.ORGANISATION, true,
                            about(e.applicationId()).reason(e.reason())))
                    .handle(ApplicationTakenIntoWork.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.APPLICATION_TAKEN_INTO_WORK, Notices.ORGANISATION, false, about(e.applicationId())))
                    .handle(ApplicationWithdrawn.class, this::withdrawn)
                    .handle(ApplicationCompleted.class, e -> notices.closeThread(e.applicationId(), "Заявка выполнена"))
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class,
                            ApplicationDrafted.class, ApplicationChanged.class, ParticipantCorrected.class,
                            ParticipantsLocked.class, PersonalDataErased.class,
                            ConsentWithdrawn.class)
                    .build();

    private final EventHandlers<DocumentEvent, InboundEvent<?>> documents =
            EventHandlers.<DocumentEvent, InboundEvent<?>>of(DocumentEvent.class, "messaging-service notices: documents")
                    .handle(DocumentRejected.class, this::rejected)
                    .handle(DocumentUploaded.class, this::uploaded)
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class,
                            DocumentAccepted.class, DocumentDownloaded.class, ParticipantDocumentsAccepted.class,
                            ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    private final EventHandlers<ContractEvent, InboundEvent<?>> contracts =
            EventHandlers.<ContractEvent, InboundEvent<?>>of(ContractEvent.class, "messaging-service notices: contracts")
                    .handle(ContractDraftsIssued.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.DRAFTS_AVAILABLE, Notices.ORGANISATION, true,
                            about(e.applicationId()).version(e.version()).note(blankToNull(e.note()))))
                    .handle(ContractConcluded.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.CONTRACT_CONCLUDED, Notices.ORGANISATION, false,
                            about(e.applicationId()).date(e.concludedOn())))
                    .handle(CourseAccessGranted.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.COURSE_ACCESS_GRANTED, Notices.ORGANISATION, true, about(e.applicationId())
                                    .access(e.courseUrl(), e.enrolmentKey(), tutorNames(e), tutorEmail(e),
                                            e.instructions())))
                    .handle(InvoiceIssued.class, (e, event) -> post(event, e.applicationId(), NoticeKind.INVOICE_ISSUED,
                            Notices.ORGANISATION, true, about(e.applicationId()).documentNumber(e.invoiceNumber())
                                    .date(e.issuedOn()).amount(e.amount()).dueDate(e.dueDate())))
                    .handle(PaymentRecorded.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.PAYMENT_RECEIVED, Notices.BOTH, false, about(e.applicationId()).date(e.paidOn())
                                    .payment(e.amount(), e.totalPaid(), e.fullyPaid(), e.paymentOrderNumber())))
                    .handle(ServiceActIssued.class, (e, event) -> post(event, e.applicationId(), NoticeKind.ACT_ISSUED,
                            Notices.ORGANISATION, true, about(e.applicationId()).documentNumber(e.actNumber())
                                    .date(e.issuedOn())))
                    .handle(PackageShipped.class, (e, event) -> post(event, e.applicationId(), NoticeKind.PACKAGE_SHIPPED,
                            Notices.ORGANISATION, true, about(e.applicationId())
                                    .shipment(e.trackingNumber(), e.withCertificates())))
                    .handle(ContractChangesRequested.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.CONTRACT_CHANGES_REQUESTED, Notices.INSTITUTE, true, about(e.applicationId())
                                    .version(e.version()).note(e.comment())))
                    .handle(ContractCountersigned.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.CONTRACT_COUNTERSIGNED, Notices.ORGANISATION, true, about(e.applicationId())))
                    .handle(ContractCancelled.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.CONTRACT_CANCELLED, Notices.BOTH, false, about(e.applicationId())
                                    .date(e.cancelledOn())))
                    .handle(ContractTerminated.class, (e, event) -> post(event, e.applicationId(),
                            NoticeKind.CONTRACT_TERMINATED, Notices.BOTH, true, about(e.applicationId())
                                    .date(e.terminatedOn()).reason(e.reason()).amount(e.amountOwed())))
                    // the reminders move on ProgrammeChanged; the contract shows its new dates (no notice of its own yet)
                    .ignore(ContractProgrammeMoved.class)
                    .ignore(ContractOpened.class, SignedActAccepted.class, OriginalsReceived.class,
                            TrainingResultRecorded.class, CertificateIssued.class, ContractClosed.class,
                            ContractParticipantCorrected.class)
                    .build();

    public void onApplication(InboundEvent<ApplicationEvent> event) {
        applications.handle(event.payload(), event);
    }

    public void onDocument(InboundEvent<DocumentEvent> event) {
        documents.handle(event.payload(), event);
    }

    public void onContract(InboundEvent<ContractEvent> event) {
        contracts.handle(event.payload(), event);
    }

    /** The first submission opens the thread (a later one updates the applicant's contact); parked notices follow. */
    private void submitted(ApplicationSubmitted e, InboundEvent<?> event) {
        ApplicationFacts.Application app = facts.application(e.applicationId()).orElseThrow();
        commands.sendAndWait(new OpenThread(e.applicationId(), e.number(), app.organisationInn(), app.organisationName(),
                app.programmeId(), app.applicantName(), app.applicantEmail()));
        post(event, e.applicationId(), NoticeKind.APPLICATION_RECEIVED, Notices.BOTH, false,
                NoticeParameters.builder().applicationNumber(e.number()).programmeTitle(programmeTitle(app))
                        .date(e.reviewDueDate(), e.reviewDueProvisional()));
        notices.postParked(e.applicationId());
    }

    private void withdrawn(ApplicationWithdrawn e, InboundEvent<?> event) {
        post(event, e.applicationId(), NoticeKind.APPLICATION_WITHDRAWN, Notices.BOTH, false, about(e.applicationId())
                .reason(e.reason()).actingSide("staff".equals(e.withdrawnByRole()) ? Side.INSTITUTE : Side.ORGANISATION));
        notices.closeThread(e.applicationId(), "Заявка снята");
    }

    /** A payment order from the school: staff check it against the money and record the payment. */
    private void uploaded(DocumentUploaded e, InboundEvent<?> event) {
        if (e.slot() == DocumentSlot.PAYMENT_ORDER) {
            post(event, e.applicationId(), NoticeKind.PAYMENT_ORDER_UPLOADED, Notices.INSTITUTE, true,
                    about(e.applicationId()).version(e.version()));
        }
    }

    private void rejected(DocumentRejected e, InboundEvent<?> event) {
        String whose = e.participantId() == null ? null : facts.application(e.applicationId())
                .map(a -> a.participantNames().get(e.participantId())).orElse(e.participantId());
        post(event, e.applicationId(), NoticeKind.DOCUMENT_REJECTED, Notices.ORGANISATION, true,
                about(e.applicationId()).document(e.slot().name(), e.participantId(), whose, e.version()).reason(e.reason()));
    }

    /** One tutor by name with the e-mail apart; several in one line, each with their e-mail. */
    private static String tutorNames(CourseAccessGranted e) {
        List<CourseAccessGranted.Tutor> tutors = e.allTutors();
        if (tutors.size() <= 1) {
            return tutors.isEmpty() ? null : tutors.get(0).name();
        }
        return String.join("; ", tutors.stream()
                .map(t -> t.email() == null ? t.name() : t.name() + ", " + t.email()).toList());
    }

    private static String tutorEmail(CourseAccessGranted e) {
        List<CourseAccessGranted.Tutor> tutors = e.allTutors();
        return tutors.size() == 1 ? tutors.get(0).email() : null;
    }

    /** What every notice about the application may mention: its number. */
    private NoticeParameters.Builder about(String applicationId) {
        return NoticeParameters.builder().applicationNumber(facts.application(applicationId)
                .map(ApplicationFacts.Application::number).orElse(null));
    }

    private String programmeTitle(ApplicationFacts.Application app) {
        return facts.programme(app.programmeId()).map(ApplicationFacts.Programme::title).orElse(null);
    }

    private void post(InboundEvent<?> event, String applicationId, NoticeKind kind, List<Side> audience, boolean mail,
            NoticeParameters.Builder parameters) {
        Instant causedAt = event.time() == null ? null : event.time().toInstant();
        notices.post(event.id(), causedAt, applicationId, kind, audience, mail, parameters.build());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
