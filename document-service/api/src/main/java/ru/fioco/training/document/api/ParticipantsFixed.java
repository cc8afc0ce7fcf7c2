package ru.fioco.training.document.api;

import java.util.List;

/**
 * The application's participants changed (a draft edited) or were fixed (submitted): the slots follow.
 * {@code fixed} is true from submission on.
 */
public record ParticipantsFixed(String applicationId, List<ParticipantSlots> participants, boolean fixed)
        implements DocumentEvent {

    public ParticipantsFixed {
        participants = List.copyOf(participants);
    }
}
