package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlValidatorTest {

    /** Resolves a few fixed names and IP literals without DNS. */
    private static final Map<String, String> HOSTS = Map.of(
            "public.example", "93.184.216.34",
            "internal.example", "10.1.2.3",
            "metadata.example", "169.254.169.254");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = HOSTS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final WebhookUrlValidator validator =
            new WebhookUrlValidator(Set.of("receiver.local"), WebhookUrlValidatorTest::resolve);

    @Test
    void publicHttpsAccepted() {
        assertEquals(Optional.empty(), validator.rejectionOf("https://public.example/hooks?x=1"));
        assertEquals(Optional.empty(), validator.rejectionOf("https://93.184.216.34:8443/hooks"));
    }

    @Test
    void plainHttpRejected() {
        Optional<String> rejection = validator.rejectionOf("http://public.example/hooks");

        assertTrue(rejection.orElse("").contains("https"), rejection.toString());
    }

    @Test
    void allowListedHostMayUseHttp() {
        assertEquals(Optional.empty(), validator.rejectionOf("http://receiver.local:8080/hooks"));
        assertEquals(Optional.empty(), validator.rejectionOf("http://RECEIVER.local/hooks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1/", "https://127.10.0.1/", "https://[::1]/", "https://0.0.0.0/", "https://[::]/",
        "https://169.254.169.254/latest/meta-data", "https://metadata.example/", "https://[fe80::1]/",
        "https://10.0.0.1/", "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.1.1/",
        "https://internal.example/", "https://[fd00:ec2::254]/", "https://[fc00::1]/",
        "https://100.64.0.1/", "https://100.100.100.200/", "https://224.0.0.1/", "https://255.255.255.255/",
        "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/",
        "https://[64:ff9b::a00:1]/", "https://198.18.0.1/", "https://192.0.0.170/"})
    void nonPublicAddressRejected(String url) {
        Optional<String> rejection = validator.rejectionOf(url);

        assertTrue(rejection.isPresent(), url + " was accepted");
        assertTrue(rejection.get().contains("may not target"), rejection.get());
    }

    @Test
    void publicNeighborsOfPrivateRangesAccepted() {
        assertEquals(Optional.empty(), validator.rejectionOf("https://172.32.0.1/"));
        assertEquals(Optional.empty(), validator.rejectionOf("https://100.128.0.1/"));
        assertEquals(Optional.empty(), validator.rejectionOf("https://11.0.0.1/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "ftp://public.example/", "//public.example/hooks",
        "https:///hooks", "https://user:password@public.example/", "https://public.example/#fragment",
        "https://unknown.example/"})
    void malformedUrlRejected(String url) {
        assertTrue(validator.rejectionOf(url).isPresent(), "'" + url + "' was accepted");
    }

    @Test
    void overlongUrlRejected() {
        String url = "https://public.example/" + "a".repeat(WebhookUrlValidator.MAX_URL_LENGTH);

        assertTrue(validator.rejectionOf(url).isPresent());
    }

    @Test
    void nullUrlRequired() {
        assertEquals(Optional.of("is required"), validator.rejectionOf(null));
    }
}
