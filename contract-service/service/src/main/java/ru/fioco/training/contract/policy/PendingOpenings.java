package ru.fioco.training.contract.policy;

import java.util.List;

import ru.fioco.training.application.api.ApplicationTakenIntoWork;

/**
 * Applications taken into work whose programme this service has not seen yet (another key, another partition: after
 * an outage or a fresh deployment the taking into work can be read first). They wait here, and open when the
 * programme arrives; nothing is retried blindly or dead-lettered.
 */
public interface PendingOpenings {

    void park(ApplicationTakenIntoWork takenIntoWork);

    /** Those waiting for the programme, in the order they came. */
    List<ApplicationTakenIntoWork> waitingFor(String programmeId);

    void opened(String applicationId);
}
