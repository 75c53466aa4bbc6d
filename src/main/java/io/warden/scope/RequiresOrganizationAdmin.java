package io.warden.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a portal (v1) method that only a portal user with the Organization Admin role may call.
 * Service accounts never reach v1 methods: authentication already rejects them with 403.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresOrganizationAdmin {
}
