package io.warden.requestlog;

/** Makes request-supplied text safe to store and show: no control characters, bounded length. */
final class LogText {

    private LogText() {
    }

    static String clean(String value, int maxLength) {
        if (value == null) {
            return "unknown";
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && clean.length() < maxLength; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                clean.append(c);
            }
        }
        return clean.isEmpty() ? "unknown" : clean.toString();
    }
}
