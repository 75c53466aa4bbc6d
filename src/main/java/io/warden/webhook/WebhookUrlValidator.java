package io.warden.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a webhook target URL. It must be an absolute HTTPS URL whose host resolves only to public
 * addresses. A host on the allow-list ({@code WARDEN_WEBHOOK_ALLOWED_HOSTS}) may also use plain HTTP
 * and any address, so that a receiver on the same machine or network can be configured on purpose.
 *
 * <p>A DNS name can resolve to another address later, so the URL is checked when a webhook is
 * saved, again before each attempt, and for each redirect target.
 */
public final class WebhookUrlValidator {

    static final int MAX_URL_LENGTH = 2000;

    /** Resolves a host name to all of its addresses, like {@link InetAddress#getAllByName}. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    /** Uses {@code allowedHosts} in lower case, compared with the URL host in lower case. */
    public WebhookUrlValidator(Set<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /** Returns the reason the URL is rejected, or empty if it is a valid target. */
    public Optional<String> rejectionOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an absolute https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment (#...)");
        }

        String host = hostWithoutBrackets(uri.getHost()).toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https:// (plain http is allowed only for hosts in WARDEN_WEBHOOK_ALLOWED_HOSTS)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " could not be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> forbidden = forbiddenClass(address);
            if (forbidden.isPresent()) {
                return Optional.of("host " + host + " resolves to " + forbidden.get() + " address "
                        + address.getHostAddress() + ", which webhooks may not target");
            }
        }
        return Optional.empty();
    }

    /** Returns the name of the non-public address class that {@code address} belongs to, if any. */
    static Optional<String> forbiddenClass(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            // 169.254.0.0/16 contains the cloud metadata address 169.254.169.254.
            return Optional.of("a link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return Optional.of("a \"this network\" (0.0.0.0/8)");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                // 100.64.0.0/10 is carrier-grade NAT space, which also contains some cloud metadata services.
                return Optional.of("a shared (carrier-grade NAT)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking (198.18.0.0/15)");
            }
            if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) {
                return Optional.of("an IETF protocol (192.0.0.0/24)");
            }
            if (first >= 240) {
                return Optional.of("a reserved or broadcast");
            }
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                // fc00::/7 unique local addresses, the IPv6 private range (fd00:ec2::254 is AWS metadata).
                return Optional.of("a private (unique local)");
            }
            if (isIpv4Embedded(bytes)) {
                return Optional.of("an IPv4-embedded IPv6");
            }
        }
        return Optional.empty();
    }

    /**
     * Detects IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) addresses, which can reach an
     * IPv4 address that the checks above would reject. Java already turns ::ffff:a.b.c.d into an
     * {@link Inet4Address}.
     */
    private static boolean isIpv4Embedded(byte[] bytes) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b;
        return compatible || nat64;
    }

    private static String hostWithoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
