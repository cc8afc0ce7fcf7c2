package ru.fioco.training.application.query.nextstep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.SlotIndicator;
import ru.fioco.training.platform.api.PersonalData;

/**
 * What the next-step read model knows of an application, one part per topic that feeds it. Each part is only
 * ever written from its own topic, in that topic's order, so the parts never overwrite each other, whichever
 * topic comes first; the steps are derived from all of them when asked.
 */
public final class Parts {

    private Parts() {
    }

    /** From the {@code applications} topic. */
    public static final class Application {
        public String status;
        public String number;
        public String organisationInn;
        public String programmeId;
        public String paymentTerms;
        public LocalDate reviewDueDate;
        public boolean reviewDueProvisional;
        /** Free text staff wrote: personal data until proven otherwise, sealed with the application's key. */
        @PersonalData
        public String returnedReason;
        public boolean participantsLocked;
        public List<Participant> participants = new ArrayList<>();
    }

    /** A participant as the steps name them, and the scans they need. */
    public static final class Participant {
        @JsonProperty("id")
        public String participantId;
        /** Encrypted with the participant's key: an erased participant is named «удалено». */
        @PersonalData(subject = "participantId")
        public String shortName;
        public boolean nameChangeRequired;

        Participant() {
        }

        Participant(String participantId, String shortName, boolean nameChangeRequired) {
            this.participantId = participantId;
            this.shortName = shortName;
            this.nameChangeRequired = nameChangeRequired;
        }
    }

    /** From the {@code documents} topic: each slot's newest version and the version its last verdict was about. */
    public static final class Documents {
        public Map<String, Slot> slots = new LinkedHashMap<>();

        Slot slot(String participantId, DocumentSlot slot) {
            return slots.computeIfAbsent(key(participantId, slot), k -> new Slot());
        }

        SlotIndicator indicator(String participantId, DocumentSlot slot) {
            Slot s = slots.get(key(participantId, slot));
            return s == null ? SlotIndicator.MISSING : SlotIndicator.of(s.current, s.reviewed, s.accepted);
        }

        static String key(String participantId, DocumentSlot slot) {
            return (participantId == null ? "application" : participantId) + "/" + slot.name();
        }
    }

    public static final class Slot {
        public Integer current;
        public Integer reviewed;
        public Boolean accepted;
    }

    /** From the {@code contracts} topic. */
    public static final class Contract {
        public String status;
        public boolean prepayment;
        public int participants;
        public LocalDate programmeStart;
        public LocalDate programmeEnd;
        public String invoiceNumber;
        public BigDecimal invoiced;
        public LocalDate invoicedOn;
        /** The latest draft version, and the latest the organisation asked to change (0: none). */
        public int draftVersion;
        public int changesRequestedOn;
        /** The invoice's due date; null for one issued before invoices had a due date. */
        public LocalDate invoiceDue;
        public boolean invoiceDueProvisional;
        public BigDecimal paid = BigDecimal.ZERO;
        public String actNumber;
        public LocalDate actIssuedOn;
        public LocalDate originalsDue;
        public boolean originalsReceived;
        public Map<String, Boolean> results = new LinkedHashMap<>();
        public List<String> certificates = new ArrayList<>();
        public List<String> trackingNumbers = new ArrayList<>();
    }

    /** From the {@code messages} topic: what was posted for whom, and how far each side has read. */
    public static final class Thread {
        public List<Entry> entries = new ArrayList<>();
        public long readByOrganisation;
        public long readByInstitute;
    }

    /** A message ({@code from} its author's side) or a notice ({@code to} its audience). */
    public static final class Entry {
        public long sequence;
        public String from;
        public List<String> to = new ArrayList<>();
    }
}
