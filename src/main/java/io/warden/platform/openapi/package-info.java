/** Completion of the generated OpenAPI document from the authorization annotations. */
package io.warden.platform.openapi;
