package io.warden.requestlog;

/**
 * The credential facts that the authentication filter attaches to a request, so the response
 * filter can log the request. {@code credentialId} is null for a wrong secret.
 */
public record CredentialUse(String clientId, String credentialId, String secretPrefix, long startNanos,
        boolean authenticated) {

    /** Name of the request property that carries it. */
    public static final String PROPERTY = "io.warden.requestlog.CredentialUse";
}
