package io.warden.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource method is open to every authenticated caller, whatever its scopes.
 * Used only where the response concerns the caller itself (identity, visible workspaces) or is
 * public reference data (the scope catalog).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyAuthenticatedCaller {
}
