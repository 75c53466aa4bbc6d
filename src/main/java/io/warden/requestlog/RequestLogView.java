package io.warden.requestlog;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A request-log entry as returned by the API. */
@JsonbPropertyOrder({"id", "timestamp", "credentialId", "secretPrefix", "method", "path", "status", "latencyMs",
        "sourceIp"})
public record RequestLogView(String id, Instant timestamp, String credentialId, String secretPrefix, String method,
        String path, int status, int latencyMs, String sourceIp) {

    static RequestLogView of(RequestLogEntry entry) {
        return new RequestLogView(entry.getId(), entry.getOccurredAt(), entry.getCredentialId(),
                entry.getSecretPrefix(), entry.getHttpMethod(), entry.getPath(), entry.getStatus(),
                entry.getLatencyMs(), entry.getSourceIp());
    }
}
