package ru.fioco.training.application.api;

/**
 * The settings of Рис. 1б: which kinds of request the representative wants to file; the cabinet offers the
 * matching «Подать заявку» actions.
 */
public record RepresentativeSettings(boolean trainingApplications, boolean supportRequests,
        boolean eventApplications) {

    /** What a new representative starts with: applications for training, the reason they came. */
    public static RepresentativeSettings forTraining() {
        return new RepresentativeSettings(true, false, false);
    }
}
