package io.warden.webhook;

import io.warden.crypto.EncryptedSecret;
import io.warden.crypto.EnvelopeCipher;
import io.warden.crypto.EnvelopeException;
import io.warden.platform.config.WardenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one attempt of an event or a test ping: checks the target URL again (its host may resolve
 * to another address since the webhook was saved), decrypts the signing secret and posts the body.
 */
@ApplicationScoped
public class WebhookTransport {

    private static final Logger LOG = Logger.getLogger(WebhookTransport.class.getName());

    @Inject
    EnvelopeCipher envelopeCipher;

    @Inject
    WardenConfig config;

    private final WebhookHttp http = new WebhookHttp();

    /** The webhook settings that one attempt needs, read in the transaction that claimed it. */
    public record Target(String webhookId, String url, boolean followRedirects, EncryptedSecret secret) {

        static Target of(Webhook webhook) {
            return new Target(webhook.getId(), webhook.getUrl(), webhook.isFollowRedirects(),
                    webhook.getEncryptedSecret());
        }
    }

    /** Sends {@code body} to the target, outside any transaction, and returns the outcome. */
    public WebhookHttp.Result send(Target target, String deliveryId, String eventType, String body) {
        // NOTE: the HTTP client resolves the host again when it connects. Within the JVM's DNS cache
        // period (networkaddress.cache.ttl, 30 s by default in OpenJDK 17) it gets the addresses
        // checked here, but a DNS answer that changes between the check and the connection is not caught.
        WebhookUrlValidator validator = new WebhookUrlValidator(config.webhookAllowedHosts(),
                InetAddress::getAllByName);
        Optional<String> rejection = validator.rejectionOf(target.url());
        if (rejection.isPresent()) {
            return WebhookHttp.Result.notSent("url " + rejection.get());
        }

        byte[] secret;
        try {
            secret = envelopeCipher.decrypt(target.secret(), Webhook.secretBinding(target.webhookId()));
        } catch (EnvelopeException e) {
            LOG.log(Level.SEVERE, "Decrypting the signing secret of webhook " + target.webhookId() + " failed", e);
            return WebhookHttp.Result.notSent("the signing secret could not be decrypted");
        }
        try {
            WebhookHttp.SignedRequest signed = new WebhookHttp.SignedRequest(deliveryId, eventType, body,
                    new String(secret, StandardCharsets.UTF_8));
            return http.send(target.url(), target.followRedirects(), validator::rejectionOf, signed);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
