package io.warden.incident;

import io.warden.platform.problem.ProblemException;

/**
 * Entity tags of incidents, made from the row version, and the {@code If-Match} check (RFC 9110,
 * strong comparison). A request without {@code If-Match} is not checked, so callers that do not
 * use ETags overwrite the latest state.
 */
final class IncidentETags {

    private IncidentETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 412 unless {@code ifMatch} is absent, {@code *} or lists the current tag. */
    static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current)) {
                return;
            }
        }
        throw stale();
    }

    static ProblemException stale() {
        return new ProblemException(412, "Precondition Failed", "The incident was changed since the ETag in "
                + "If-Match was read; GET the incident again and repeat the change against its new ETag.");
    }
}
