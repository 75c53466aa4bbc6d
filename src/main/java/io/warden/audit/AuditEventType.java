package io.warden.audit;

import java.util.Locale;
import java.util.Optional;

/** Kinds of lifecycle change; the API spells them in lowercase with dots, such as {@code credential.issued}. */
public enum AuditEventType {
    SERVICE_ACCOUNT_CREATED("service_account.created"),
    SERVICE_ACCOUNT_UPDATED("service_account.updated"),
    SERVICE_ACCOUNT_DISABLED("service_account.disabled"),
    SERVICE_ACCOUNT_ENABLED("service_account.enabled"),
    SERVICE_ACCOUNT_DELETED("service_account.deleted"),
    CREDENTIAL_ISSUED("credential.issued"),
    CREDENTIAL_REVOKED("credential.revoked"),
    CREDENTIAL_EXPIRED("credential.expired"),
    USER_ADDED("user.added"),
    USER_UPDATED("user.updated"),
    USER_ROLE_CHANGED("user.role_changed"),
    USER_REMOVED("user.removed"),
    USER_PASSWORD_CHANGED("user.password_changed"),
    USER_PASSWORD_RESET("user.password_reset");

    private final String apiName;

    AuditEventType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<AuditEventType> fromApiName(String name) {
        for (AuditEventType type : values()) {
            if (type.apiName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
