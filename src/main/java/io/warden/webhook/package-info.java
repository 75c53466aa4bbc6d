/** Webhooks: subscriptions that send an organization's events to an HTTPS endpoint it chooses. */
package io.warden.webhook;
