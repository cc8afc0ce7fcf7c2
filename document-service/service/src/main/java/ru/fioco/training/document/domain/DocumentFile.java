package ru.fioco.training.document.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.document.domain.DocumentCommands.Acting;
import ru.fioco.training.document.domain.DocumentCommands.CloseUploads;
import ru.fioco.training.document.domain.DocumentCommands.CorrectParticipant;
import ru.fioco.training.document.domain.DocumentCommands.LockParticipants;
import ru.fioco.training.document.domain.DocumentCommands.OpenDocumentFile;
import ru.fioco.training.document.domain.DocumentCommands.RecordDownload;
import ru.fioco.training.document.domain.DocumentCommands.ReviewDocument;
import ru.fioco.training.document.domain.DocumentCommands.UpdateParticipants;
import ru.fioco.training.document.domain.DocumentCommands.UploadDocument;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.files.StoredFile;

/**
 * The documents of one application: every slot keeps every version; staff accept or reject the current
 * one; the derived facts «all documents of a participant accepted» and «all documents of the application
 * accepted» are published when they become true.
 */
// snapshotted: raise the revision whenever the fields change (see platform Snapshots)
@Revision("1")
public class DocumentFile {

    /** A rejection's reason, as long as any reason or comment on the platform. */
    public static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String applicationId;
    private String organisationInn;
    private final Map<String, ParticipantSlots> participants = new LinkedHashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, Boolean> participantAccepted = new HashMap<>();
    private boolean applicationAccepted;
    private boolean fixed;
    private boolean locked;
    private boolean closed;
    /** Every stored version by its document id: what a download serves. */
    private final Map<String, Stored> documents = new HashMap<>();

    /** A stored version and its place. */
    private record Stored(String participantId, DocumentSlot slot, int version, StoredFile file) {
    }

    /** A slot's current version and its verdict (null while unreviewed). */
    private record Slot(int version, String documentId, Boolean accepted) {
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected DocumentFile() {
    }

    @CommandHandler
    public DocumentFile(OpenDocumentFile command) {
        apply(new DocumentFileOpened(command.applicationId(), command.organisationInn(), command.participants()));
    }

    @CommandHandler
    void handle(UpdateParticipants command) {
        apply(new ParticipantsFixed(applicationId, command.participants(), command.fixed(), locked));
    }

    @CommandHandler
    void handle(CorrectParticipant command) {
        ParticipantSlots corrected = command.participant();
        if (!corrected.equals(participants.get(corrected.participantId()))) {
            List<ParticipantSlots> now = new ArrayList<>(participants.values());
            now.replaceAll(p -> p.participantId().equals(corrected.participantId()) ? corrected : p);
            apply(new ParticipantsFixed(applicationId, now, fixed, locked));
        }
    }

    @CommandHandler
    void handle(LockParticipants command) {
        if (!locked) {
            apply(new ParticipantsFixed(applicationId, List.copyOf(participants.values()), fixed, true));
        }
    }

    @CommandHandler
    void handle(DocumentCommands.ReopenParticipants command) {
        if (fixed) {
            apply(new ParticipantsFixed(applicationId, List.copyOf(participants.values()), false, locked));
        }
    }

    @CommandHandler
    void handle(CloseUploads command) {
        if (!closed) {
            apply(new UploadsClosed(applicationId, command.reason()));
        }
    }

    /** @return the version the upload became */
    @CommandHandler
    int handle(UploadDocument command) {
        requireWriter(command.acting());
        if (closed) {
            throw new ConflictException("Заявка снята: документы больше не принимаются");
        }
        requireSlotExists(command.participantId(), command.slot());
        if (locked && command.slot().perParticipant()) {
            throw ConflictException.ofRule("participants-locked", "file",
                    "Договор заключён: документы участников больше не меняются", Map.of());
        }
        Slot current = slots.get(key(command.participantId(), command.slot()));
        int version = current == null ? 1 : current.version() + 1;
        apply(new DocumentUploaded(applicationId, command.participantId(), command.slot(), version,
                command.file().fileId(), command.file().size(), command.file().sha256(), command.file().contentType(),
                command.file().fileName(), command.acting().subject()));
        return version;
    }

    @CommandHandler
    void handle(ReviewDocument command) {
        if (!command.acting().isStaff()) {
            throw new AccessDeniedException("Документы проверяет сотрудник института");
        }
        requireSlotExists(command.participantId(), command.slot());
        Slot current = slots.get(key(command.participantId(), command.slot()));
        if (current == null) {
            throw new ConflictException("В слот ещё ничего не загружено");
        }
        if (current.version() != command.version()) {
            throw new ConflictException("Проверять можно только текущую версию: " + current.version(),
                    Map.of("currentVersion", current.version()));
        }
        if (command.accepted()) {
            apply(new DocumentAccepted(applicationId, command.participantId(), command.slot(), command.version()));
            announceWhatBecameAccepted(command.participantId());
        } else {
            if (command.reason() == null || command.reason().isBlank()) {
                throw new InvalidInputException("reason", "укажите причину отклонения");
            }
            if (command.reason().length() > MAX_REASON) {
                throw new InvalidInputException("reason", "не длиннее " + MAX_REASON + " символов");
            }
            apply(new DocumentRejected(applicationId, command.participantId(), command.slot(), command.version(),
                    command.reason().strip()));
        }
    }

    /** @return the stored file, to serve */
    @CommandHandler
    DocumentCommands.Downloaded handle(RecordDownload command) {
        requireReader(command.acting());
        Stored stored = documents.get(command.documentId());
        if (stored == null) {
            throw new NotFoundException("Документ не найден");
        }
        apply(new DocumentDownloaded(applicationId, stored.participantId(), stored.slot(), stored.version(),
                command.documentId(), command.acting().subject(), command.acting().role()));
        return new DocumentCommands.Downloaded(stored.file(), stored.participantId());
    }

    /** The facts other services wait for, published once each time they become true. */
    private void announceWhatBecameAccepted(String participantId) {
        if (participantId != null && !participantAccepted.getOrDefault(participantId, false)
                && allRequiredAccepted(participantId)) {
            apply(new ParticipantDocumentsAccepted(applicationId, participantId));
        }
        if (!applicationAccepted && isApplicationAccepted()) {
            apply(new ApplicationDocumentsAccepted(applicationId));
        }
    }

    /** Every required slot of the participant holds an accepted current version. */
    boolean allRequiredAccepted(String participantId) {
        ParticipantSlots p = participants.get(participantId);
        if (p == null) {
            return false;
        }
        for (DocumentSlot slot : DocumentSlot.values()) {
            if (slot.perParticipant() && isRequired(p, slot)) {
                Slot s = slots.get(key(participantId, slot));
                if (s == null || !Boolean.TRUE.equals(s.accepted())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Submitted, every participant's documents accepted, and every uploaded application document accepted. */
    boolean isApplicationAccepted() {
        if (!fixed || participants.isEmpty()) {
            return false;
        }
        for (String id : participants.keySet()) {
            if (!allRequiredAccepted(id)) {
                return false;
            }
        }
        for (DocumentSlot slot : DocumentSlot.values()) {
            Slot s = slots.get(key(null, slot));
            if (!slot.perParticipant() && s != null && !Boolean.TRUE.equals(s.accepted())) {
                return false;
            }
        }
        return true;
    }

    static boolean isRequired(ParticipantSlots participant, DocumentSlot slot) {
        return DocumentSlot.requiredOfParticipant(participant.nameChangeRequired()).contains(slot);
    }

    private void requireSlotExists(String participantId, DocumentSlot slot) {
        if (slot.perParticipant()) {
            if (participantId == null || !participants.containsKey(participantId)) {
                throw new NotFoundException("Участник не найден в заявке");
            }
        } else if (participantId != null) {
            throw new NotFoundException("Такого слота у участника нет");
        }
    }

    private void requireWriter(Acting acting) {
        if (!acting.isStaff() && !acting.represents(organisationInn)) {
            if ("auditor".equals(acting.role())) {
                throw new AccessDeniedException("Аудитор не загружает документы");
            }
            throw new NotFoundException("Заявка не найдена");
        }
    }

    private void requireReader(Acting acting) {
        if (!acting.isStaff() && !acting.represents(organisationInn)) {
            throw new NotFoundException("Заявка не найдена");
        }
    }

    static String key(String participantId, DocumentSlot slot) {
        return Objects.requireNonNullElse(participantId, "application") + "/" + slot;
    }

    @EventSourcingHandler
    void on(DocumentFileOpened event) {
        applicationId = event.applicationId();
        organisationInn = event.organisationInn();
        event.participants().forEach(p -> participants.put(p.participantId(), p));
    }

    @EventSourcingHandler
    void on(ParticipantsFixed event) {
        participants.clear();
        event.participants().forEach(p -> participants.put(p.participantId(), p));
        fixed = event.fixed();
        locked = event.locked();
    }

    @EventSourcingHandler
    void on(UploadsClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(DocumentUploaded event) {
        slots.put(key(event.participantId(), event.slot()), new Slot(event.version(), event.documentId(), null));
        documents.put(event.documentId(), new Stored(event.participantId(), event.slot(), event.version(),
                new StoredFile(event.documentId(), event.size(), event.sha256(), event.contentType(), event.fileName())));
        if (event.participantId() != null) {
            participantAccepted.put(event.participantId(), false);
        }
        applicationAccepted = false;
    }

    @EventSourcingHandler
    void on(DocumentAccepted event) {
        slots.computeIfPresent(key(event.participantId(), event.slot()), (k, s) -> new Slot(s.version(), s.documentId(), true));
    }

    @EventSourcingHandler
    void on(DocumentRejected event) {
        slots.computeIfPresent(key(event.participantId(), event.slot()), (k, s) -> new Slot(s.version(), s.documentId(), false));
        if (event.participantId() != null) {
            participantAccepted.put(event.participantId(), false);
        }
        applicationAccepted = false;
    }

    @EventSourcingHandler
    void on(ParticipantDocumentsAccepted event) {
        participantAccepted.put(event.participantId(), true);
    }

    @EventSourcingHandler
    void on(ApplicationDocumentsAccepted event) {
        applicationAccepted = true;
    }
}
