/** Organizations (tenants) and the first start that creates one with its first admin. */
package io.warden.organization;
