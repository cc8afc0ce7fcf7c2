package ru.fioco.training.document.api;

/**
 * Where a document slot stands (seed 002, Рис. 5а): ✔ its current version accepted, ✘ rejected, ! a version
 * awaits review (new, or uploaded after a verdict), nothing uploaded yet. One vocabulary for the cabinet and the
 * history.
 */
public enum SlotIndicator {
    ACCEPTED("✔", "принят"),
    REJECTED("✘", "отклонён"),
    ATTENTION("!", "требует проверки"),
    MISSING("", "не загружен");

    private final String mark;
    private final String title;

    SlotIndicator(String mark, String title) {
        this.mark = mark;
        this.title = title;
    }

    /**
     * @param currentVersion  the newest uploaded version, null when none
     * @param reviewedVersion the version the last verdict was about, null when none
     * @param accepted        that verdict
     */
    public static SlotIndicator of(Integer currentVersion, Integer reviewedVersion, Boolean accepted) {
        if (currentVersion == null) {
            return MISSING;
        }
        if (!currentVersion.equals(reviewedVersion)) {
            return ATTENTION;
        }
        return Boolean.TRUE.equals(accepted) ? ACCEPTED : REJECTED;
    }

    public String mark() {
        return mark;
    }

    public String title() {
        return title;
    }
}
