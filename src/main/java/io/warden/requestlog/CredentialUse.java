package io.warden.requestlog;

/**
 * What the authentication filter learned about the credential of a request, attached to the
 * request so the response filter can log it. {@code credentialId} is null for a wrong secret.
 */
public record CredentialUse(String clientId, String credentialId, String secretPrefix, long startNanos,
        boolean authenticated) {

    /** Name of the request property that carries it. */
    public static final String PROPERTY = "io.warden.requestlog.CredentialUse";
}
