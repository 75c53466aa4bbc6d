package io.warden.platform.paging;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a JSON payload into an opaque, tamper-evident token and verifies it back:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}. Any change to either part
 * fails verification; the MAC is compared in constant time.
 */
public final class TokenSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final SecretKeySpec key;

    public TokenSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The token signing key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String sign(JsonObject payload) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(body) + "." + encoder.encodeToString(mac(body));
    }

    /** Returns the payload of an authentic token, or empty for anything malformed or altered. */
    public Optional<JsonObject> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }

        byte[] body;
        byte[] signature;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            body = decoder.decode(token.substring(0, dot));
            signature = decoder.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            return Optional.empty();
        }

        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
