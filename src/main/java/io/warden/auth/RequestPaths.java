package io.warden.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Path normalization for the "service accounts use only the v2 API" rule. The decision is taken on
 * the path the way a router could read it: percent-decoded, matrix parameters removed, empty
 * segments dropped and dot segments resolved. The comparison keeps letter case, so {@code /API/V2}
 * or {@code /api/V2} is not the v2 API.
 */
public final class RequestPaths {

    public static final String V2_PREFIX = "/api/v2/";

    private RequestPaths() {
    }

    /** Returns true only when the normalized form of the raw request path lies under {@code /api/v2/}. */
    public static boolean isV2(String rawPath) {
        String normalized = normalize(rawPath);
        return normalized.startsWith(V2_PREFIX) && normalized.length() > V2_PREFIX.length();
    }

    /** Returns the normalized form of a raw (still percent-encoded) path. */
    public static String normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String decoded = percentDecode(rawPath);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            int semicolon = segment.indexOf(';');
            String name = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(name);
        }
        boolean trailingSlash = decoded.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
    }

    /** Decodes %XX escapes once, as UTF-8; a malformed escape is kept as literal text. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                escaped.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
                continue;
            }
            if (escaped.size() > 0) {
                text.append(escaped.toString(StandardCharsets.UTF_8));
                escaped.reset();
            }
            text.append(raw.charAt(i));
            i++;
        }
        text.append(escaped.toString(StandardCharsets.UTF_8));
        return text.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
