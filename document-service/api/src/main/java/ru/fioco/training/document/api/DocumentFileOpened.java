package ru.fioco.training.document.api;

import java.util.List;

/** document-service opened the document file of a drafted application, with its participants so far. */
public record DocumentFileOpened(String applicationId, String organisationInn, List<ParticipantSlots> participants)
        implements DocumentEvent {

    public DocumentFileOpened {
        participants = List.copyOf(participants);
    }
}
