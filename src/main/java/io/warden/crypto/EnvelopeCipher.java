package io.warden.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of one secret: AES-256-GCM under a fresh random 256-bit data key, which is
 * then wrapped by the {@link KeyWrapper}'s current KEK.
 *
 * <p>Each data key encrypts exactly one secret, so the random 12-byte IV can never repeat under the
 * same key. The credential id is the GCM additional authenticated data: a ciphertext copied to
 * another credential's row fails to decrypt instead of yielding that other secret.
 */
public final class EnvelopeCipher {

    static final int DATA_KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyWrapper keyWrapper;
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    /** Uses {@code provider} (BouncyCastle) for AES-GCM without registering it globally. */
    public EnvelopeCipher(KeyWrapper keyWrapper, Provider provider) {
        this.keyWrapper = Objects.requireNonNull(keyWrapper, "keyWrapper");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Encrypts {@code plaintext} under a new data key bound to {@code credentialId}. */
    public EncryptedSecret encrypt(byte[] plaintext, String credentialId) {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(dataKey);
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(credentialId));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new EncryptedSecret(ciphertext, iv, keyWrapper.wrap(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption of the secret of credential " + credentialId
                    + " failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a secret sealed by {@link #encrypt} for the same credential id.
     *
     * @throws EnvelopeException if the data key cannot be unwrapped or the GCM tag does not match
     *         the ciphertext, IV and credential id
     */
    public byte[] decrypt(EncryptedSecret secret, String credentialId) {
        if (secret.iv().length != IV_BYTES) {
            throw new EnvelopeException("Decryption of the secret of credential " + credentialId + " failed: the IV "
                    + "has " + secret.iv().length + " bytes, expected " + IV_BYTES);
        }
        byte[] dataKey = keyWrapper.unwrap(secret.dataKey());
        try {
            if (dataKey.length != DATA_KEY_BYTES) {
                throw new EnvelopeException("Decryption of the secret of credential " + credentialId + " failed: the "
                        + "unwrapped data key has " + dataKey.length + " bytes, expected " + DATA_KEY_BYTES);
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, secret.iv()));
            cipher.updateAAD(associatedData(credentialId));
            return cipher.doFinal(secret.ciphertext());
        } catch (AEADBadTagException e) {
            throw new EnvelopeException("Decryption of the secret of credential " + credentialId + " failed: the "
                    + "ciphertext, IV or credential id does not match the GCM authentication tag", e);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException("Decryption of the secret of credential " + credentialId + " failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Wraps the data key again with the current KEK. The ciphertext and IV stay valid as they are,
     * because the data key itself does not change.
     */
    public WrappedKey rewrap(WrappedKey wrappedKey) {
        byte[] dataKey = keyWrapper.unwrap(wrappedKey);
        try {
            return keyWrapper.wrap(dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static byte[] associatedData(String credentialId) {
        return Objects.requireNonNull(credentialId, "credentialId").getBytes(StandardCharsets.UTF_8);
    }
}
