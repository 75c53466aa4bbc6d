/** The single problem+json error shape (RFC 9457) and the exception mappers that produce it. */
package io.warden.platform.problem;
