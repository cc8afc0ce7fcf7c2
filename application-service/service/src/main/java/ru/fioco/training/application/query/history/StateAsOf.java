package ru.fioco.training.application.query.history;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationCompleted;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.ApplicationReturned;
import ru.fioco.training.application.api.ApplicationStatus;
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
import ru.fioco.training.contract.api.ContractStatus;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.PaymentState;
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
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.SlotIndicator;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.api.EventHandlers;

/**
 * The application, its documents, its contract and its thread as they stood after a list of events: a fold over
 * the history, so that «as of a moment» is the history cut at that moment. Its vocabulary is the live read
 * models' ({@link ApplicationStatus}, {@link SlotIndicator}, {@link ContractStatus}, {@link PaymentState}), so
 * the state as of now is what each service shows now.
 */
public record StateAsOf(ApplicationState application, DocumentsState documents, ContractState contract,
        ThreadState thread) {

    public record ApplicationState(ApplicationStatus status, String statusTitle, String number) {
    }

    /**
     * The slots of the current participants and of the application, counted by where their current version
     * stands: {@code uploaded} has a version, {@code awaitingReview} is {@link SlotIndicator#ATTENTION}.
     */
    public record DocumentsState(int uploaded, int accepted, int rejected, int awaitingReview, boolean allAccepted) {
    }

    /** {@code label}: the contract's status and payment in Russian, e.g. «заключён, не оплачен». */
    public record ContractState(ContractStatus status, String label, BigDecimal invoiced, BigDecimal paid,
            PaymentState payment, boolean fullyPaid, int certificates, String trackingNumber) {
    }

    public record ThreadState(boolean open, int messages, int notices) {
    }

    static StateAsOf fold(List<? extends Record> events) {
        Fold fold = new Fold();
        events.forEach(fold::add);
        return fold.state();
    }

    /** The fold's running state; one instance per fold. */
    private static final class Fold {
        ApplicationStatus status;
        String number;
        /** The document file's participants; null until the file is seen (then every slot counts). */
        List<String> participants;
        final Map<String, Slot> slots = new HashMap<>();
        boolean allAccepted;
        ContractStatus contract;
        BigDecimal invoiced;
        BigDecimal paid = BigDecimal.ZERO;
        int certificates;
        String trackingNumber;
        boolean threadOpen;
        int messages;
        int notices;

        void add(Record event) {
            if (event instanceof ApplicationEvent e) {
                APPLICATION.handle(e, this);
            } else if (event instanceof DocumentEvent e) {
                DOCUMENTS.handle(e, this);
            } else if (event instanceof ContractEvent e) {
                CONTRACT.handle(e, this);
            } else if (event instanceof ThreadEvent e) {
                THREAD.handle(e, this);
            }
        }

        void status(ApplicationEvent e) {
            status = ApplicationStatus.after(status, e);
        }

        void contract(ContractEvent e) {
            contract = ContractStatus.after(contract, e);
        }

        void participants(List<ParticipantSlots> current) {
            participants = current.stream().map(ParticipantSlots::participantId).toList();
        }

        Slot slot(String participantId, DocumentSlot slot) {
            return slots.computeIfAbsent(participantId + "|" + slot, k -> new Slot(participantId));
        }

        StateAsOf state() {
            List<SlotIndicator> shown = slots.values().stream()
                    .filter(s -> s.participantId == null || participants == null || participants.contains(s.participantId))
                    .map(s -> SlotIndicator.of(s.current, s.reviewed, s.accepted)).toList();
            PaymentState payment = PaymentState.of(invoiced, paid);
            return new StateAsOf(
                    new ApplicationState(status, status == null ? null : status.title(), number),
                    new DocumentsState((int) shown.stream().filter(i -> i != SlotIndicator.MISSING).count(),
                            count(shown, SlotIndicator.ACCEPTED), count(shown, SlotIndicator.REJECTED),
                            count(shown, SlotIndicator.ATTENTION), allAccepted),
                    contract == null ? null : new ContractState(contract, contract.label(payment),
                            invoiced == null ? BigDecimal.ZERO : invoiced, paid, payment,
                            payment == PaymentState.PAID, certificates, trackingNumber),
                    new ThreadState(threadOpen, messages, notices));
        }

        private static int count(List<SlotIndicator> shown, SlotIndicator indicator) {
            return (int) shown.stream().filter(i -> i == indicator).count();
        }
    }

    /** A document slot's versions: the newest, and the one the last verdict was about. */
    private static final class Slot {
        final String participantId;
        Integer current;
        Integer reviewed;
        Boolean accepted;

        Slot(String participantId) {
            this.participantId = participantId;
        }

        void verdict(int version, boolean verdict) {
            reviewed = version;
            accepted = verdict;
        }
    }

    private static final EventHandlers<ApplicationEvent, Fold> APPLICATION =
            EventHandlers.<ApplicationEvent, Fold>of(ApplicationEvent.class, "history state: applications")
                    .handle(ApplicationDrafted.class, (e, f) -> f.status(e))
                    .handle(ApplicationSubmitted.class, (e, f) -> {
                        f.status(e);
                        f.number = e.number();
                    })
                    .handle(ApplicationReturned.class, (e, f) -> f.status(e))
                    .handle(ApplicationTakenIntoWork.class, (e, f) -> f.status(e))
                    .handle(ApplicationWithdrawn.class, (e, f) -> f.status(e))
                    .handle(ApplicationCompleted.class, (e, f) -> f.status(e))
                    .ignore(ApplicationChanged.class, ProgrammePublished.class, ProgrammeChanged.class,
                            ProgrammeClosed.class, ParticipantCorrected.class, ParticipantsLocked.class,
                            PersonalDataErased.class, ConsentWithdrawn.class)
                    .build();

    private static final EventHandlers<DocumentEvent, Fold> DOCUMENTS =
            EventHandlers.<DocumentEvent, Fold>of(DocumentEvent.class, "history state: documents")
                    .handle(DocumentFileOpened.class, (e, f) -> f.participants(e.participants()))
                    .handle(ParticipantsFixed.class, (e, f) -> f.participants(e.participants()))
                    .handle(DocumentUploaded.class, (e, f) -> f.slot(e.participantId(), e.slot()).current = e.version())
                    .handle(DocumentAccepted.class, (e, f) -> f.slot(e.participantId(), e.slot()).verdict(e.version(), true))
                    .handle(DocumentRejected.class, (e, f) -> f.slot(e.participantId(), e.slot()).verdict(e.version(), false))
                    .handle(ApplicationDocumentsAccepted.class, (e, f) -> f.allAccepted = true)
                    .ignore(DocumentDownloaded.class, ParticipantDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    private static final EventHandlers<ContractEvent, Fold> CONTRACT =
            EventHandlers.<ContractEvent, Fold>of(ContractEvent.class, "history state: contracts")
                    .handle(ContractOpened.class, (e, f) -> f.contract(e))
                    .handle(ContractDraftsIssued.class, (e, f) -> f.contract(e))
                    .handle(ContractConcluded.class, (e, f) -> f.contract(e))
                    .handle(InvoiceIssued.class, (e, f) -> f.invoiced = e.amount())
                    .handle(PaymentRecorded.class, (e, f) -> f.paid = e.totalPaid())
                    .handle(ServiceActIssued.class, (e, f) -> f.contract(e))
                    .handle(SignedActAccepted.class, (e, f) -> f.contract(e))
                    .handle(OriginalsReceived.class, (e, f) -> f.contract(e))
                    .handle(CertificateIssued.class, (e, f) -> f.certificates++)
                    .handle(PackageShipped.class, (e, f) -> {
                        f.contract(e);
                        f.trackingNumber = e.trackingNumber();
                    })
                    .handle(ContractClosed.class, (e, f) -> f.contract(e))
                    .handle(ContractCancelled.class, (e, f) -> f.contract(e))
                    .handle(ContractTerminated.class, (e, f) -> f.contract(e))
                    .ignore(CourseAccessGranted.class, TrainingResultRecorded.class, ContractParticipantCorrected.class,
                            ContractChangesRequested.class, ContractCountersigned.class, ContractProgrammeMoved.class)
                    .build();

    private static final EventHandlers<ThreadEvent, Fold> THREAD =
            EventHandlers.<ThreadEvent, Fold>of(ThreadEvent.class, "history state: threads")
                    .handle(ThreadOpened.class, (e, f) -> f.threadOpen = true)
                    .handle(ThreadClosed.class, (e, f) -> f.threadOpen = false)
                    .handle(MessagePosted.class, (e, f) -> f.messages++)
                    .handle(NoticePosted.class, (e, f) -> f.notices++)
                    .handle(SystemNoticePosted.class, (e, f) -> f.notices++)
                    .ignore(ApplicantContactChanged.class, ThreadRead.class, NoticeMailed.class)
                    .build();
}
