package ru.fioco.training.application.query.history;

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

/** Which side of the procedure did what an event records: the organisation, the institute, or the platform itself. */
final class Sides {

    enum Party { ORGANISATION, INSTITUTE, PLATFORM }

    private Sides() {
    }

    static Party of(Record event) {
        if (event instanceof ApplicationEvent e) {
            return APPLICATIONS.apply(e).orElse(Party.PLATFORM);
        } else if (event instanceof DocumentEvent e) {
            return DOCUMENTS.apply(e).orElse(Party.PLATFORM);
        } else if (event instanceof ContractEvent e) {
            return CONTRACTS.apply(e).orElse(Party.PLATFORM);
        } else if (event instanceof ThreadEvent e) {
            return THREADS.apply(e).orElse(Party.PLATFORM);
        }
        return Party.PLATFORM;
    }

    private static Party of(Side side) {
        return side == Side.ORGANISATION ? Party.ORGANISATION : Party.INSTITUTE;
    }

    private static final EventMapping<ApplicationEvent, Party> APPLICATIONS =
            EventMapping.<ApplicationEvent, Party>of(ApplicationEvent.class, "history sides: applications")
                    .map(ProgrammePublished.class, e -> Party.INSTITUTE)
                    .map(ProgrammeChanged.class, e -> Party.INSTITUTE)
                    .map(ProgrammeClosed.class, e -> Party.INSTITUTE)
                    .map(ApplicationDrafted.class, e -> Party.ORGANISATION)
                    .map(ApplicationChanged.class, e -> Party.ORGANISATION)
                    .map(ApplicationSubmitted.class, e -> Party.ORGANISATION)
                    .map(ApplicationReturned.class, e -> Party.INSTITUTE)
                    .map(ApplicationTakenIntoWork.class, e -> Party.INSTITUTE)
                    .map(ApplicationWithdrawn.class, e -> "staff".equals(e.withdrawnByRole()) ? Party.INSTITUTE
                            : Party.ORGANISATION)
                    .map(ParticipantCorrected.class, e -> Party.ORGANISATION)
                    .map(PersonalDataErased.class, e -> Party.INSTITUTE)
                    .map(ConsentWithdrawn.class, e -> Party.INSTITUTE)
                    .ignore(ApplicationCompleted.class, ParticipantsLocked.class)
                    .build();

    private static final EventMapping<DocumentEvent, Party> DOCUMENTS =
            EventMapping.<DocumentEvent, Party>of(DocumentEvent.class, "history sides: documents")
                    .map(DocumentUploaded.class, e -> Party.ORGANISATION)
                    .map(DocumentAccepted.class, e -> Party.INSTITUTE)
                    .map(DocumentRejected.class, e -> Party.INSTITUTE)
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentDownloaded.class,
                            ParticipantDocumentsAccepted.class, ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    private static final EventMapping<ContractEvent, Party> CONTRACTS =
            EventMapping.<ContractEvent, Party>of(ContractEvent.class, "history sides: contracts")
                    .map(ContractDraftsIssued.class, e -> Party.INSTITUTE)
                    .map(ContractConcluded.class, e -> Party.INSTITUTE)
                    .map(PaymentRecorded.class, e -> Party.INSTITUTE)
                    .map(ServiceActIssued.class, e -> Party.INSTITUTE)
                    .map(OriginalsReceived.class, e -> Party.INSTITUTE)
                    .map(TrainingResultRecorded.class, e -> Party.INSTITUTE)
                    .map(CertificateIssued.class, e -> Party.INSTITUTE)
                    .map(PackageShipped.class, e -> Party.INSTITUTE)
                    .map(ContractTerminated.class, e -> Party.INSTITUTE)
                    .map(ContractChangesRequested.class, e -> Party.ORGANISATION)
                    .map(ContractCountersigned.class, e -> Party.INSTITUTE)
                    .ignore(ContractProgrammeMoved.class)
                    .ignore(ContractCancelled.class, ContractOpened.class, CourseAccessGranted.class, InvoiceIssued.class,
                            SignedActAccepted.class, ContractClosed.class, ContractParticipantCorrected.class)
                    .build();

    private static final EventMapping<ThreadEvent, Party> THREADS =
            EventMapping.<ThreadEvent, Party>of(ThreadEvent.class, "history sides: threads")
                    .map(MessagePosted.class, e -> of(e.side()))
                    .map(ThreadRead.class, e -> of(e.side()))
                    .ignore(ThreadOpened.class, ApplicantContactChanged.class, NoticePosted.class,
                            SystemNoticePosted.class, NoticeMailed.class, ThreadClosed.class)
                    .build();
}
