package io.warden.credential;

import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Request body of credential issuance and the parsing rules shared with account creation. */
public final class CredentialRequests {

    private CredentialRequests() {
    }

    /** Body of {@code POST /api/v2/service-accounts/{id}/credentials}. */
    public static class IssueCredential {

        @NotNull(message = "is required: list at least one scope from GET /api/v2/scopes")
        @Size(min = 1, message = "must list at least one scope from GET /api/v2/scopes")
        public List<String> scopes;

        /** ISO-8601 instant such as {@code 2027-01-31T00:00:00Z}; absent or null means the credential never expires. */
        public String expiresAt;
    }

    /** Parses scope names from the catalog; any unknown name is a 400 that lists the valid ones. */
    public static Set<Scope> parseScopes(List<String> names, String field) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Scope.fromName(name).ifPresentOrElse(scopes::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(field, "unknown scope " + String.join(", ", unknown)
                    + "; valid scopes are " + String.join(", ", Scope.names()));
        }
        return scopes;
    }

    /** Parses an optional ISO-8601 expiry that must lie in the future. */
    public static Instant parseExpiry(String value, String field, Instant now) {
        if (value == null) {
            return null;
        }
        Instant expiresAt;
        try {
            expiresAt = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date-time with a UTC offset, "
                    + "such as 2027-01-31T00:00:00Z");
        }
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalidField(field, "must be in the future");
        }
        return expiresAt;
    }
}
