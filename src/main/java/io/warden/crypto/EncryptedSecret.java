package io.warden.crypto;

import java.util.Objects;

/**
 * A secret sealed by {@link EnvelopeCipher}: the AES-256-GCM ciphertext (with its 16-byte tag
 * appended), the 12-byte IV and the wrapped data key. The arrays are not copied.
 */
public record EncryptedSecret(byte[] ciphertext, byte[] iv, WrappedKey dataKey) {

    public EncryptedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(dataKey, "dataKey");
    }
}
