package io.warden.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final TokenSigner signer = new TokenSigner(KEY);
    private final JsonObject payload = Json.createObjectBuilder().add("c", "user:1").add("t", 42).build();

    @Test
    void roundTripReturnsPayload() {
        String token = signer.sign(payload);

        assertEquals(payload, signer.verify(token).orElseThrow());
    }

    @Test
    void alteredPayloadIsRejected() {
        String token = signer.sign(payload);
        String forgedBody = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"c\":\"user:2\",\"t\":42}".getBytes(StandardCharsets.UTF_8));

        String forged = forgedBody + token.substring(token.indexOf('.'));

        assertTrue(signer.verify(forged).isEmpty());
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String token = signer.sign(payload);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);

            assertTrue(signer.verify(altered).isEmpty(), "change at index " + i + " was accepted");
        }
    }

    @Test
    void otherKeyIsRejected() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;

        String token = new TokenSigner(otherKey).sign(payload);

        assertTrue(signer.verify(token).isEmpty());
    }

    @Test
    void malformedTokensAreRejected() {
        assertTrue(signer.verify(null).isEmpty());
        assertTrue(signer.verify("").isEmpty());
        assertTrue(signer.verify("abc").isEmpty());
        assertTrue(signer.verify("a.b.c").isEmpty());
        assertTrue(signer.verify(".sig").isEmpty());
        assertTrue(signer.verify("!!!.###").isEmpty());
        assertTrue(signer.verify("x".repeat(5000)).isEmpty());
    }

    @Test
    void signedNonJsonIsRejected() {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes(StandardCharsets.UTF_8));
        String validMacOverGarbage = signer.sign(payload).replaceFirst("^[^.]*", body);

        assertTrue(signer.verify(validMacOverGarbage).isEmpty());
    }

    @Test
    void shortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[16]));
    }
}
