/**
 * The audit trail: append-only lifecycle events of service accounts, credentials and portal users,
 * and their queries.
 */
package io.warden.audit;
