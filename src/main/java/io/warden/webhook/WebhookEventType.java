package io.warden.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An event that a webhook can subscribe to, with the name used in requests and payloads. */
public enum WebhookEventType {
    INCIDENT_CREATED("incident.created"),
    INCIDENT_UPDATED("incident.updated"),
    COMMENT_CREATED("comment.created"),
    CREDENTIAL_EXPIRING("credential.expiring"),
    CREDENTIAL_REVOKED("credential.revoked"),
    SERVICE_ACCOUNT_DISABLED("service_account.disabled");

    private final String eventName;

    WebhookEventType(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }

    public static Optional<WebhookEventType> fromEventName(String name) {
        return Arrays.stream(values()).filter(type -> type.eventName.equals(name)).findFirst();
    }

    /** Returns the valid names, comma-separated, for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(WebhookEventType::eventName).collect(Collectors.joining(", "));
    }
}
