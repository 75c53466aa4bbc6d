package io.warden.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user id and password of an HTTP Basic {@code Authorization} header (RFC 7617).
 *
 * <p>Parsing is strict: the scheme is matched without regard to case, the token must be canonical
 * standard Base64 and the decoded bytes valid UTF-8. The value is split at the first colon, so a
 * second colon belongs to the password. Anything else yields an empty result, never an exception.
 */
public record BasicCredentials(String userId, String password) {

    private static final String SCHEME = "basic";
    private static final int MAX_HEADER_LENGTH = 8192;

    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space != SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty() || token.indexOf(' ') >= 0) {
            return Optional.empty();
        }

        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(token)) {
            return Optional.empty();
        }

        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }

        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || hasControlCharacter(value)) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(value.substring(0, colon), value.substring(colon + 1)));
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "BasicCredentials[userId=" + userId + ", password=***]";
    }
}
