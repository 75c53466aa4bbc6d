package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSigningTest {

    /** Computed independently: {@code printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key}. */
    private static final String OPENSSL_HEX = "a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03";

    @Test
    void signatureMatchesKnownHmac() {
        assertEquals("sha256=" + OPENSSL_HEX, WebhookSigning.signature("key", "1700000000", "{\"a\":1}"));
    }

    @Test
    void signatureCoversTimestampAndBody() {
        String original = WebhookSigning.signature("key", "1700000000", "{\"a\":1}");

        assertNotEquals(original, WebhookSigning.signature("key", "1700000001", "{\"a\":1}"));
        assertNotEquals(original, WebhookSigning.signature("key", "1700000000", "{\"a\":2}"));
        assertNotEquals(original, WebhookSigning.signature("other", "1700000000", "{\"a\":1}"));
    }

    @Test
    void secretIs32RandomBytes() {
        String first = WebhookSigning.generateSecret();

        assertEquals(44, first.length());
        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertNotEquals(first, WebhookSigning.generateSecret());
    }
}
