package io.warden.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS security context of an authenticated request; its principal is always a {@link Caller}. */
public record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    /** Roles are expressed as scopes in this server, so no container role is ever held. */
    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
