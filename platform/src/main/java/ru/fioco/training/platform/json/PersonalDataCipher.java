package ru.fioco.training.platform.json;

import java.util.Optional;

/** Encrypts personal data with the key of its data subject; the key vault behind it is shared by every service. */
public interface PersonalDataCipher {

    /**
     * The text encrypted with the subject's key (created on first use), as base64; empty when the subject was erased:
     * nothing of an erased person is stored again, not even data derived from what reads «удалено».
     */
    Optional<String> seal(String subject, String plaintext);

    /** The text back, or empty when the subject's key was destroyed (the data are erased). */
    Optional<String> open(String sealed);

    /** Bytes (a piece of a scan) encrypted with the subject's key; empty when the subject was erased. */
    Optional<byte[]> sealBytes(String subject, byte[] plaintext);

    /** Bytes sealed by {@link #sealBytes} back, or empty when the subject's key was destroyed. */
    Optional<byte[]> openBytes(byte[] sealed);

    /**
     * A keyed hash of a value (a blind index): equal values give equal hashes, so a read model can find a record by
     * an exact surname or SNILS without keeping it; without the platform's secret the hash tells nothing.
     */
    String blindIndex(String value);
}
