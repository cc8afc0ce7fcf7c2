package ru.fioco.training.document.api;

import java.util.List;

/**
 * The application's participants changed (a draft edited, a participant corrected) or were fixed (submitted):
 * the slots follow. {@code fixed} is true from submission on; {@code locked} from the contract's conclusion on,
 * when the participants' documents no longer change (added in revision 2; absent, it reads false).
 */
public record ParticipantsFixed(String applicationId, List<ParticipantSlots> participants, boolean fixed,
        boolean locked) implements DocumentEvent {

    public ParticipantsFixed {
        participants = List.copyOf(participants);
    }

    public ParticipantsFixed(String applicationId, List<ParticipantSlots> participants, boolean fixed) {
        this(applicationId, participants, fixed, false);
    }
}
