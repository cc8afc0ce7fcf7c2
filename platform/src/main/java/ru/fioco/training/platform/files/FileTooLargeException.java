package ru.fioco.training.platform.files;

/** The upload passed its size limit: HTTP 413; reading stopped at the limit and nothing is kept. */
public class FileTooLargeException extends RuntimeException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("Файл больше допустимого размера " + human(limit));
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    static String human(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " МБ" : bytes + " байт";
    }
}
