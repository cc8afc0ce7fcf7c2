package ru.fioco.training.platform.errors;

/** What was asked for held personal data that were destroyed (an erasure). Becomes HTTP 410. */
public class ErasedDataException extends RuntimeException {

    public ErasedDataException(String message) {
        super(message);
    }
}
