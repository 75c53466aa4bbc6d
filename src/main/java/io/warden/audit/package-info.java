/** The audit trail: append-only lifecycle events of service accounts and credentials, and their queries. */
package io.warden.audit;
