package io.warden.platform.paging;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.ServerKeys;
import io.warden.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Continuation tokens of cross-workspace queries. A token carries the query's filter and the
 * position after the last item returned. It is signed, bound to the caller that received it and
 * valid for 24 hours, and any other token is rejected with 400.
 */
@ApplicationScoped
public class ContinuationTokens {

    static final Duration LIFETIME = Duration.ofHours(24);
    static final String INVALID = "is invalid, expired, altered or was issued to another caller; "
            + "start again with isFirstCall true";

    @Inject
    ServerKeys serverKeys;

    private volatile TokenSigner signer;

    /** A verified token: the filter of the first call and the position to continue after. */
    public record Continuation(JsonObject filter, JsonObject position) {
    }

    public String issue(Caller caller, String kind, JsonObject filter, JsonObject position) {
        JsonObject payload = Json.createObjectBuilder()
                .add("v", 1)
                .add("k", kind)
                .add("c", caller.actor())
                .add("iat", ServerClock.now().toEpochMilli())
                .add("f", filter)
                .add("p", position)
                .build();
        return signer().sign(payload);
    }

    public Continuation resume(Caller caller, String kind, String token) {
        Optional<JsonObject> payload = signer().verify(token);
        if (payload.isEmpty()) {
            throw ProblemException.invalidField("continuationToken", INVALID);
        }
        JsonObject claims = payload.get();
        boolean valid = claims.getInt("v", 0) == 1
                && kind.equals(claims.getString("k", ""))
                && caller.actor().equals(claims.getString("c", ""))
                && claims.get("iat") instanceof JsonNumber issuedAt
                && ServerClock.now().toEpochMilli() - issuedAt.longValue() < LIFETIME.toMillis()
                && claims.get("f") instanceof JsonObject
                && claims.get("p") instanceof JsonObject;
        if (!valid) {
            throw ProblemException.invalidField("continuationToken", INVALID);
        }
        return new Continuation(claims.getJsonObject("f"), claims.getJsonObject("p"));
    }

    private TokenSigner signer() {
        TokenSigner current = signer;
        if (current == null) {
            current = new TokenSigner(serverKeys.key("continuation-token"));
            signer = current;
        }
        return current;
    }
}
