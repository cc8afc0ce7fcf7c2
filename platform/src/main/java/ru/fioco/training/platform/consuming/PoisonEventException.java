package ru.fioco.training.platform.consuming;

/** A record that can never be applied: it goes to the dead-letter topic with this message as the reason. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonEventException(String reason) {
        super(reason);
    }
}
