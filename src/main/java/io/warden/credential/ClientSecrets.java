package io.warden.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generation and hashing of Client Secrets.
 *
 * <p>A secret is 32 bytes from {@link SecureRandom}, standard Base64 (44 characters). It is looked
 * up by its SHA-256 hash. A slow password hash is not needed: with 256 bits of entropy, guessing a
 * secret from its hash is infeasible, and a fast hash keeps authentication cost flat.
 */
public final class ClientSecrets {

    public static final int PREFIX_LENGTH = 6;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String prefix(String secret) {
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
    }

    /** Returns the lowercase hex SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Returns whether the SHA-256 of a secret's UTF-8 bytes equals a stored {@link #hash}, compared
     * with {@link MessageDigest#isEqual}. A stored value that is not hex never matches.
     */
    public static boolean matchesHash(byte[] secretUtf8, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secretUtf8), expected);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
