package ru.fioco.training.application.domain;

/** The statuses of the cabinet: черновик, на рассмотрении, исполнение, выполнена, снята. */
public enum ApplicationStatus {
    DRAFT("черновик"),
    SUBMITTED("на рассмотрении"),
    IN_WORK("исполнение"),
    COMPLETED("выполнена"),
    WITHDRAWN("снята");

    private final String title;

    ApplicationStatus(String title) {
        this.title = title;
    }

    /** The Russian name the cabinet shows. */
    public String title() {
        return title;
    }

    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == IN_WORK;
    }
}
