/** Credentials of service accounts: secret generation, hashing, issuance, listing and revocation. */
package io.warden.credential;
