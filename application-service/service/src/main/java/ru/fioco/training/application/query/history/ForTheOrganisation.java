package ru.fioco.training.application.query.history;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.api.EventMapping;

/**
 * Which steps of its own application's history an organisation sees: all but what concerns the institute alone
 * (who of the staff downloaded a scan, notices and reminders addressed to the institute and their mails, the
 * institute's read marks, the derived facts document-service keeps for contract-service).
 */
final class ForTheOrganisation {

    /** The event, and the notices shown so far (their mails are shown too). */
    private record Seen(Record event, Set<String> notices) {
    }

    private ForTheOrganisation() {
    }

    /** @param organisationsNotices the message ids of the notices shown so far; a shown notice is added */
    static boolean shows(Record event, Set<String> organisationsNotices) {
        Seen seen = new Seen(event, organisationsNotices);
        if (event instanceof ApplicationEvent e) {
            return APPLICATIONS.apply(e).orElse(false);
        } else if (event instanceof DocumentEvent e) {
            return DOCUMENTS.apply(e).orElse(false);
        } else if (event instanceof ContractEvent e) {
            return CONTRACTS.apply(e).orElse(false);
        } else if (event instanceof ThreadEvent e) {
            return THREADS.apply(e).map(rule -> rule.test(seen)).orElse(false);
        }
        return false;
    }

    private static boolean notice(String messageId, List<Side> audience, Seen seen) {
        if (audience.contains(Side.ORGANISATION)) {
            seen.notices().add(messageId);
            return true;
        }
        return false;
    }

    private static final EventMapping<ApplicationEvent, Boolean> APPLICATIONS =
            EventMapping.<ApplicationEvent, Boolean>of(ApplicationEvent.class, "organisation's history: applications")
                    .map(ApplicationDrafted.class, e -> true)
                    .map(ApplicationChanged.class, e -> true)
                    .map(ApplicationSubmitted.class, e -> true)
                    .map(ApplicationReturned.class, e -> true)
                    .map(ApplicationTakenIntoWork.class, e -> true)
                    .map(ApplicationWithdrawn.class, e -> true)
                    .map(ApplicationCompleted.class, e -> true)
                    .map(ParticipantCorrected.class, e -> true)
                    .map(ParticipantsLocked.class, e -> true)
                    .map(PersonalDataErased.class, e -> true)
                    .map(ConsentWithdrawn.class, e -> true)
                    .ignore(ProgrammePublished.class, ProgrammeChanged.class, ProgrammeClosed.class)
                    .build();

    private static final EventMapping<DocumentEvent, Boolean> DOCUMENTS =
            EventMapping.<DocumentEvent, Boolean>of(DocumentEvent.class, "organisation's history: documents")
                    .map(DocumentUploaded.class, e -> true)
                    .map(DocumentAccepted.class, e -> true)
                    .map(DocumentRejected.class, e -> true)
                    .map(ApplicationDocumentsAccepted.class, e -> true)
                    .map(UploadsClosed.class, e -> true)
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentDownloaded.class,
                            ParticipantDocumentsAccepted.class)
                    .build();

    private static final EventMapping<ContractEvent, Boolean> CONTRACTS =
            EventMapping.<ContractEvent, Boolean>of(ContractEvent.class, "organisation's history: contracts")
                    .map(ContractOpened.class, e -> true)
                    .map(ContractDraftsIssued.class, e -> true)
                    .map(ContractConcluded.class, e -> true)
                    .map(CourseAccessGranted.class, e -> true)
                    .map(InvoiceIssued.class, e -> true)
                    .map(PaymentRecorded.class, e -> true)
                    .map(ServiceActIssued.class, e -> true)
                    .map(SignedActAccepted.class, e -> true)
                    .map(OriginalsReceived.class, e -> true)
                    .map(TrainingResultRecorded.class, e -> true)
                    .map(CertificateIssued.class, e -> true)
                    .map(PackageShipped.class, e -> true)
                    .map(ContractClosed.class, e -> true)
                    .map(ContractCancelled.class, e -> true)
                    .map(ContractTerminated.class, e -> true)
                    .map(ContractChangesRequested.class, e -> true)
                    .map(ContractCountersigned.class, e -> true)
                    .map(ContractProgrammeMoved.class, e -> true)
                    .map(ContractParticipantCorrected.class, e -> true)
                    .build();

    private static final EventMapping<ThreadEvent, Predicate<Seen>> THREADS =
            EventMapping.<ThreadEvent, Predicate<Seen>>of(ThreadEvent.class,
                            "organisation's history: threads")
                    .map(ThreadOpened.class, e -> seen -> true)
                    .map(MessagePosted.class, e -> seen -> true)
                    .map(NoticePosted.class, e -> seen -> notice(e.messageId(), e.audience(), seen))
                    .map(SystemNoticePosted.class, e -> seen -> notice(e.messageId(), e.audience(), seen))
                    .map(NoticeMailed.class, e -> seen -> seen.notices().contains(e.messageId()))
                    .map(ThreadRead.class, e -> seen -> e.side() == Side.ORGANISATION)
                    .map(ThreadClosed.class, e -> seen -> true)
                    .ignore(ApplicantContactChanged.class)
                    .build();
}
