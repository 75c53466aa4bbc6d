package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.warden.platform.config.WardenConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    /** Hands out queued deliveries one claim at a time and records what the sender did. */
    private static final class FakeStore extends WebhookDeliveryStore {

        final Deque<ClaimedDelivery> due = new ArrayDeque<>();
        final List<Duration> claims = new ArrayList<>();
        final List<String> recorded = new ArrayList<>();
        final List<Instant> retries = new ArrayList<>();
        Runnable afterRecord = () -> { };

        @Override
        public Optional<ClaimedDelivery> claimNext(Instant now, int scanLimit, Duration claim) {
            claims.add(claim);
            return Optional.ofNullable(due.poll());
        }

        @Override
        public void recordAttempt(ClaimedDelivery claimed, WebhookHttp.Result result, Instant attemptedAt,
                Instant retryAt) {
            recorded.add(claimed.deliveryId());
            retries.add(retryAt);
            afterRecord.run();
        }
    }

    private final FakeStore store = new FakeStore();
    private final WebhookSender sender = new WebhookSender();

    WebhookSenderTest() {
        sender.store = store;
        sender.transport = new WebhookTransport();
        sender.transport.config = new WardenConfig() {
            @Override
            public Set<String> webhookAllowedHosts() {
                return Set.of();
            }
        };
    }

    /** Returns a delivery whose private target address the sender rejects without sending anything. */
    private static WebhookDeliveryStore.ClaimedDelivery delivery(String id) {
        WebhookTransport.Target target = new WebhookTransport.Target("webhook-1", "https://10.0.0.5/hooks", false,
                null);
        return new WebhookDeliveryStore.ClaimedDelivery(id, target, "service_account.disabled", "{}", 1);
    }

    @Test
    void sendDueClaimsOneDeliveryPerAttempt() {
        store.due.add(delivery("d1"));
        store.due.add(delivery("d2"));

        sender.sendDue();

        assertEquals(List.of("d1", "d2"), store.recorded);
        assertEquals(3, store.claims.size(), "one claim per delivery and one that found nothing");
        assertEquals(WebhookSender.CLAIM, store.claims.get(0));
    }

    @Test
    void claimOutlastsOneAttempt() {
        Duration longestAttempt = WebhookHttp.CONNECT_TIMEOUT.plus(WebhookHttp.REQUEST_TIMEOUT);

        assertEquals(1, WebhookSender.CLAIM.compareTo(longestAttempt), "claim " + WebhookSender.CLAIM);
    }

    @Test
    void stopDuringRunLeavesRestUnclaimed() {
        store.due.add(delivery("d1"));
        store.due.add(delivery("d2"));
        store.due.add(delivery("d3"));
        store.afterRecord = sender::stop;

        sender.sendDue();

        assertEquals(List.of("d1"), store.recorded);
        assertEquals(1, store.claims.size());
        assertEquals(2, store.due.size());
    }

    @Test
    void stoppedSenderClaimsNothing() {
        store.due.add(delivery("d1"));
        sender.stop();

        sender.sendDue();

        assertEquals(List.of(), store.claims);
        assertEquals(List.of(), store.recorded);
    }

    @Test
    void runEndsAfterBatchSize() {
        for (int i = 0; i < WebhookSender.BATCH_SIZE + 5; i++) {
            store.due.add(delivery("d" + i));
        }

        sender.sendDue();

        assertEquals(WebhookSender.BATCH_SIZE, store.recorded.size());
        assertEquals(5, store.due.size());
    }

    @Test
    void rejectedUrlIsNotRetried() {
        store.due.add(delivery("d1"));

        sender.sendDue();

        assertEquals(1, store.retries.size());
        assertNull(store.retries.get(0));
    }
}
