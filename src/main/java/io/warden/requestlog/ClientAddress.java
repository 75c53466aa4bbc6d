package io.warden.requestlog;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Determines the source IP of a request. It is the socket peer, unless the peer is a configured
 * trusted proxy: then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and
 * the first untrusted hop is the source. Only IP literals are parsed (never a DNS lookup), and the
 * stored value is at most 64 characters without control characters.
 */
public final class ClientAddress {

    static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Network> trustedProxies;

    /** Creates the rule from a comma-separated list of IP addresses and CIDR blocks (such as 10.0.0.0/8). */
    public ClientAddress(String trustedProxies) {
        List<Network> networks = new ArrayList<>();
        if (trustedProxies != null) {
            for (String item : trustedProxies.split(",")) {
                if (!item.isBlank()) {
                    networks.add(Network.parse(item.strip()).orElseThrow(() -> new IllegalArgumentException(
                            "WARDEN_TRUSTED_PROXIES has an invalid entry '" + item.strip()
                                    + "': use IP addresses or CIDR blocks separated by commas")));
                }
            }
        }
        this.trustedProxies = List.copyOf(networks);
    }

    public String sourceOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return sanitize(peer);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isTrusted(hop)) {
                return sanitize(hop);
            }
        }
        return sanitize(peer);
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && trustedProxies.stream().anyMatch(network -> network.contains(bytes.get()));
    }

    /** Removes control characters and caps the length. */
    static String sanitize(String value) {
        return LogText.clean(value, MAX_LENGTH);
    }

    /** Parses an IP literal without any name lookup; anything else is empty. */
    static Optional<byte[]> literal(String address) {
        if (address == null || address.length() > 45
                || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: base address and prefix length. */
    record Network(byte[] base, int prefixLength) {

        static Optional<Network> parse(String text) {
            int slash = text.indexOf('/');
            Optional<byte[]> base = literal(slash < 0 ? text : text.substring(0, slash));
            if (base.isEmpty()) {
                return Optional.empty();
            }
            int bits = base.get().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Network(base.get(), prefix));
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int bits = base.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefixLength).not();
            BigInteger value = new BigInteger(1, address);
            BigInteger network = new BigInteger(1, base);
            return value.and(mask).equals(network.and(mask));
        }
    }
}
