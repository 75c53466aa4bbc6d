package io.warden.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeCipherTest {

    private static final String CREDENTIAL_ID = "6f1c2d3e-0000-4000-8000-000000000001";
    private static final byte[] SECRET = "q9Jx0V3m8kq7yX2w1Z0aBcDeFgHiJkLmNoPqRsTuVwY=".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path folder;

    private static Provider provider;
    private static Pkcs12KeyWrapper keyWrapper;
    private static Pkcs12KeyWrapper otherKeyWrapper;
    private static EnvelopeCipher cipher;

    @BeforeAll
    static void createKeystores() {
        provider = new BouncyCastleProvider();
        keyWrapper = Pkcs12KeyWrapper.openOrCreate(folder.resolve("kek.p12"), "first-password".toCharArray(), provider);
        otherKeyWrapper = Pkcs12KeyWrapper.openOrCreate(folder.resolve("other.p12"), "other-password".toCharArray(),
                provider);
        cipher = new EnvelopeCipher(keyWrapper, provider);
    }

    @Test
    void roundTripReturnsSecret() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);

        assertArrayEquals(SECRET, cipher.decrypt(encrypted, CREDENTIAL_ID));
    }

    @Test
    void encryptedSecretHasExpectedShape() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);

        assertEquals(SECRET.length + 16, encrypted.ciphertext().length, "ciphertext is plaintext plus GCM tag");
        assertEquals(12, encrypted.iv().length);
        assertEquals(Pkcs12KeyWrapper.RSA_KEY_BITS / 8, encrypted.dataKey().bytes().length);
        assertEquals(keyWrapper.currentKekId(), encrypted.dataKey().kekId());
    }

    @Test
    void eachEncryptionUsesNewDataKeyAndIv() {
        EncryptedSecret first = cipher.encrypt(SECRET, CREDENTIAL_ID);
        EncryptedSecret second = cipher.encrypt(SECRET, CREDENTIAL_ID);

        assertFalse(Arrays.equals(first.iv(), second.iv()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
        assertFalse(Arrays.equals(first.dataKey().bytes(), second.dataKey().bytes()));
    }

    @Test
    void tamperedCiphertextIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);

        for (int i = 0; i < encrypted.ciphertext().length; i++) {
            EncryptedSecret tampered = new EncryptedSecret(flipBit(encrypted.ciphertext(), i), encrypted.iv(),
                    encrypted.dataKey());

            EnvelopeException failure = assertThrows(EnvelopeException.class,
                    () -> cipher.decrypt(tampered, CREDENTIAL_ID), "change at ciphertext byte " + i);
            assertTrue(failure.getMessage().contains("authentication tag"), failure.getMessage());
        }
    }

    @Test
    void truncatedCiphertextIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);
        EncryptedSecret truncated = new EncryptedSecret(Arrays.copyOf(encrypted.ciphertext(), SECRET.length),
                encrypted.iv(), encrypted.dataKey());

        assertThrows(EnvelopeException.class, () -> cipher.decrypt(truncated, CREDENTIAL_ID));
    }

    @Test
    void tamperedIvIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);

        for (int i = 0; i < encrypted.iv().length; i++) {
            EncryptedSecret tampered = new EncryptedSecret(encrypted.ciphertext(), flipBit(encrypted.iv(), i),
                    encrypted.dataKey());

            EnvelopeException failure = assertThrows(EnvelopeException.class,
                    () -> cipher.decrypt(tampered, CREDENTIAL_ID), "change at IV byte " + i);
            assertTrue(failure.getMessage().contains("authentication tag"), failure.getMessage());
        }
    }

    @Test
    void ivOfWrongLengthIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);
        EncryptedSecret shortIv = new EncryptedSecret(encrypted.ciphertext(), Arrays.copyOf(encrypted.iv(), 11),
                encrypted.dataKey());

        EnvelopeException failure = assertThrows(EnvelopeException.class,
                () -> cipher.decrypt(shortIv, CREDENTIAL_ID));
        assertTrue(failure.getMessage().contains("IV has 11 bytes"), failure.getMessage());
    }

    @Test
    void tamperedWrappedKeyIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);
        byte[] wrapped = encrypted.dataKey().bytes();

        for (int i = 0; i < wrapped.length; i++) {
            WrappedKey tamperedKey = new WrappedKey(flipBit(wrapped, i), encrypted.dataKey().kekId());
            EncryptedSecret tampered = new EncryptedSecret(encrypted.ciphertext(), encrypted.iv(), tamperedKey);

            EnvelopeException failure = assertThrows(EnvelopeException.class,
                    () -> cipher.decrypt(tampered, CREDENTIAL_ID), "change at wrapped-key byte " + i);
            assertTrue(failure.getMessage().contains("Unwrapping a data key"), failure.getMessage());
        }
    }

    @Test
    void wrappedKeyOfWrongLengthIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);
        WrappedKey truncated = new WrappedKey(Arrays.copyOf(encrypted.dataKey().bytes(), 100),
                encrypted.dataKey().kekId());

        EnvelopeException failure = assertThrows(EnvelopeException.class, () -> keyWrapper.unwrap(truncated));
        assertTrue(failure.getMessage().contains("has 100 bytes"), failure.getMessage());
    }

    @Test
    void otherCredentialIdIsRejected() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);

        EnvelopeException failure = assertThrows(EnvelopeException.class,
                () -> cipher.decrypt(encrypted, "6f1c2d3e-0000-4000-8000-000000000002"));
        assertTrue(failure.getMessage().contains("authentication tag"), failure.getMessage());
    }

    @Test
    void unwrapWithWrongKekFails() {
        WrappedKey wrapped = keyWrapper.wrap(new byte[32]);
        WrappedKey underOtherKek = new WrappedKey(wrapped.bytes(), otherKeyWrapper.currentKekId());

        EnvelopeException failure = assertThrows(EnvelopeException.class, () -> otherKeyWrapper.unwrap(underOtherKek));
        assertTrue(failure.getMessage().contains("was not made with this KEK"), failure.getMessage());
    }

    @Test
    void unwrapWithUnknownKekIdFails() {
        WrappedKey wrapped = keyWrapper.wrap(new byte[32]);

        EnvelopeException failure = assertThrows(EnvelopeException.class, () -> otherKeyWrapper.unwrap(wrapped));
        assertTrue(failure.getMessage().contains("is not in keystore"), failure.getMessage());
    }

    @Test
    void decryptWithOtherKeystoreFails() {
        EncryptedSecret encrypted = cipher.encrypt(SECRET, CREDENTIAL_ID);
        EnvelopeCipher otherCipher = new EnvelopeCipher(otherKeyWrapper, provider);

        assertThrows(EnvelopeException.class, () -> otherCipher.decrypt(encrypted, CREDENTIAL_ID));
    }

    private static byte[] flipBit(byte[] value, int index) {
        byte[] copy = value.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
