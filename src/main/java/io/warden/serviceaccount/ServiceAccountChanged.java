package io.warden.serviceaccount;

/**
 * CDI event fired inside the transaction that changes what a service account's credentials may do
 * (disable, enable, delete, revoke, workspace access). Observers act after the commit.
 */
public record ServiceAccountChanged(String serviceAccountId) {
}
