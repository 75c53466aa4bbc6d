/** Service accounts: non-human organization members, their workspace access and their management API. */
package io.warden.serviceaccount;
