package io.warden.crypto;

/**
 * A data key that cannot be unwrapped or a secret that cannot be decrypted: unknown KEK, wrong KEK,
 * or a ciphertext, IV, wrapped key or credential id that does not match what was encrypted.
 * No plaintext is ever returned in these cases.
 */
public class EnvelopeException extends RuntimeException {

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
