package ru.fioco.training.platform.errors;

/** The caller is known but their role may not do this. Becomes HTTP 403. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
