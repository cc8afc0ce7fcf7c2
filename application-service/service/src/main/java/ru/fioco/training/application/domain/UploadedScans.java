package ru.fioco.training.application.domain;

import java.util.Map;
import java.util.Set;

import ru.fioco.training.document.api.DocumentSlot;

/** The scans document-service holds for an application's participants, as application-service learned them. */
public interface UploadedScans {

    /** Per participant id, the slots that hold at least one version (reviewed or not). */
    Map<String, Set<DocumentSlot>> of(String applicationId);
}
