package io.warden.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String basic(String value) {
        return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserIdAndPassword() {
        Optional<BasicCredentials> parsed = BasicCredentials.parse(basic("client:secret"));

        assertTrue(parsed.isPresent());
        assertEquals("client", parsed.get().userId());
        assertEquals("secret", parsed.get().password());
    }

    @Test
    void schemeIgnoresCase() {
        String token = basic("client:secret").substring("Basic ".length());

        assertTrue(BasicCredentials.parse("bAsIc " + token).isPresent());
        assertTrue(BasicCredentials.parse("BASIC " + token).isPresent());
    }

    @Test
    void secondColonBelongsToPassword() {
        Optional<BasicCredentials> parsed = BasicCredentials.parse(basic("client:se:cret"));

        assertTrue(parsed.isPresent());
        assertEquals("client", parsed.get().userId());
        assertEquals("se:cret", parsed.get().password());
    }

    @Test
    void secretWithBase64SymbolsSurvives() {
        String secret = "ab+/cd==ef+/gh";

        Optional<BasicCredentials> parsed = BasicCredentials.parse(basic("client:" + secret));

        assertTrue(parsed.isPresent());
        assertEquals(secret, parsed.get().password());
    }

    @Test
    void nonAsciiPasswordIsUtf8() {
        Optional<BasicCredentials> parsed = BasicCredentials.parse(basic("user:pässwörd"));

        assertTrue(parsed.isPresent());
        assertEquals("pässwörd", parsed.get().password());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Basic",
        "Basic ",
        "Bearer Y2xpZW50OnNlY3JldA==",
        "Basicc Y2xpZW50OnNlY3JldA==",
        "BasicY2xpZW50OnNlY3JldA==",
        "Basic Y2xpZW50OnNlY3JldA",
        "Basic Y2xpZW50OnNlY3JldA===",
        "Basic Y2xpZW50OnNlY3JldA==x",
        "Basic Y2xp ZW50OnNlY3JldA==",
        "Basic !!!!",
        "Basic Y2xpZW50OnNlY3JldA-_",
        "Basic Y2xpZW50c2VjcmV0",
        "Basic OnNlY3JldA==",
        "Basic Y2xpZW50Og==",
    })
    void rejectsMalformedHeader(String header) {
        assertFalse(BasicCredentials.parse(header).isPresent());
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] invalid = {'c', ':', (byte) 0xC3, (byte) 0x28};
        String header = "Basic " + Base64.getEncoder().encodeToString(invalid);

        assertFalse(BasicCredentials.parse(header).isPresent());
    }

    @Test
    void rejectsControlCharacters() {
        assertFalse(BasicCredentials.parse(basic("client:sec\nret")).isPresent());
        assertFalse(BasicCredentials.parse(basic("cli\u0000ent:secret")).isPresent());
    }

    @Test
    void rejectsOversizedHeader() {
        String header = basic("client:" + "a".repeat(9000));

        assertFalse(BasicCredentials.parse(header).isPresent());
    }

    @Test
    void toStringHidesPassword() {
        BasicCredentials credentials = BasicCredentials.parse(basic("client:topsecret")).orElseThrow();

        assertFalse(credentials.toString().contains("topsecret"));
    }
}
