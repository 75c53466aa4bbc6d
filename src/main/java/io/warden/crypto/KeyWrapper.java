package io.warden.crypto;

import java.util.Set;

/**
 * Wraps and unwraps data keys with a key-encryption key (KEK) that never leaves the
 * implementation. Every KEK has an id, stored next to each data key it wrapped, so that a data key
 * can still be unwrapped after another KEK has become current. {@link Pkcs12KeyWrapper} keeps the
 * KEKs in a PKCS#12 keystore file; an HSM or a cloud KMS can implement the same contract.
 *
 * <p>Rotation: {@link #createKek()} makes a new KEK current while the older ones stay available for
 * unwrapping. Once no data key needs an older KEK any more, {@link #retireKek(String)} removes it.
 * So {@link #olderKekIds()} is empty except while a rotation is unfinished.
 */
public interface KeyWrapper {

    /** Returns the id of the KEK that {@link #wrap(byte[])} uses. */
    String currentKekId();

    /** Wraps a data key with the current KEK. */
    WrappedKey wrap(byte[] dataKey);

    /**
     * Unwraps a data key with the KEK named in it.
     *
     * @throws EnvelopeException if no KEK has that id, or if the wrapped key was not made by that
     *         KEK or was altered
     */
    byte[] unwrap(WrappedKey wrappedKey);

    /** Returns the ids of the KEKs that are kept for unwrapping only. */
    Set<String> olderKekIds();

    /** Creates a new KEK, makes it current and returns its id. The previous KEKs stay available. */
    String createKek();

    /**
     * Removes a KEK that is not current; data keys wrapped by it can no longer be unwrapped.
     * Removing an id that does not exist changes nothing.
     *
     * @throws IllegalArgumentException if {@code kekId} is the current KEK
     */
    void retireKek(String kekId);
}
