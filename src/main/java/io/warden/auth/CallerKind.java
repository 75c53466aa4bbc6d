package io.warden.auth;

/** The two kinds of caller, with the prefix that marks each in actor references. */
public enum CallerKind {
    USER("user:"),
    SERVICE_ACCOUNT("service-account:");

    private final String actorPrefix;

    CallerKind(String actorPrefix) {
        this.actorPrefix = actorPrefix;
    }

    public String actorPrefix() {
        return actorPrefix;
    }
}
