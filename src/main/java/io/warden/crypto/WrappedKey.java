package io.warden.crypto;

import java.util.Objects;

/**
 * A data key encrypted by a KEK, with the id of that KEK. The array is not copied: callers must not
 * change it after handing it over.
 */
public record WrappedKey(byte[] bytes, String kekId) {

    public WrappedKey {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(kekId, "kekId");
    }
}
