/** Cross-cutting parts: the JAX-RS application, configuration, persistence setup and the problem+json errors. */
package io.warden.platform;
