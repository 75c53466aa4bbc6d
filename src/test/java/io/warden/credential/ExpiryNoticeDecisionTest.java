package io.warden.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpiryNoticeDecisionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<Integer> LEAD_DAYS = List.of(14, 7, 1);

    private static ExpiryNoticeDecision decide(Duration left, Set<Integer> recorded) {
        return ExpiryNoticeDecision.decide(LEAD_DAYS, NOW.plus(left), NOW, recorded);
    }

    @Test
    void farExpiryIsNotDue() {
        ExpiryNoticeDecision decision = decide(Duration.ofDays(20), Set.of());

        assertTrue(decision.isNothingDue());
        assertEquals(Optional.empty(), decision.leadDays());
    }

    @Test
    void largestLeadTimeDueFirst() {
        ExpiryNoticeDecision decision = decide(Duration.ofDays(10), Set.of());

        assertEquals(Optional.of(14), decision.leadDays());
        assertEquals(Set.of(14), decision.leadDaysToRecord());
    }

    @Test
    void nextLeadTimeAfterEarlierNotice() {
        ExpiryNoticeDecision decision = decide(Duration.ofDays(6), Set.of(14));

        assertEquals(Optional.of(7), decision.leadDays());
        assertEquals(Set.of(7), decision.leadDaysToRecord());
    }

    @Test
    void shortExpirySendsOnlySmallest() {
        ExpiryNoticeDecision decision = decide(Duration.ofHours(12), Set.of());

        assertEquals(Optional.of(1), decision.leadDays());
        assertEquals(Set.of(14, 7, 1), decision.leadDaysToRecord());
    }

    @Test
    void skippedLeadTimesRecordedWithLaterNotice() {
        ExpiryNoticeDecision decision = decide(Duration.ofHours(20), Set.of(14));

        assertEquals(Optional.of(1), decision.leadDays());
        assertEquals(Set.of(7, 1), decision.leadDaysToRecord());
    }

    @Test
    void recordedNoticeIsNotSentAgain() {
        ExpiryNoticeDecision decision = decide(Duration.ofHours(20), Set.of(14, 7, 1));

        assertTrue(decision.isNothingDue());
        assertEquals(Optional.empty(), decision.leadDays());
    }

    @Test
    void addedLargerLeadTimeIsRecordedSilently() {
        ExpiryNoticeDecision decision = decide(Duration.ofHours(20), Set.of(1));

        assertEquals(Optional.empty(), decision.leadDays());
        assertEquals(Set.of(14, 7), decision.leadDaysToRecord());
    }

    @Test
    void leadTimeStartsAtItsExactInstant() {
        assertEquals(Optional.of(7), decide(Duration.ofDays(7), Set.of(14)).leadDays());
        assertTrue(decide(Duration.ofDays(7).plusMillis(1), Set.of(14)).isNothingDue());
    }

    @Test
    void expiredCredentialGetsNoNotice() {
        assertTrue(decide(Duration.ZERO, Set.of()).isNothingDue());
        assertTrue(decide(Duration.ofHours(-1), Set.of()).isNothingDue());
    }

    @Test
    void credentialWithoutExpiryGetsNoNotice() {
        assertTrue(ExpiryNoticeDecision.decide(LEAD_DAYS, null, NOW, Set.of()).isNothingDue());
    }

    @Test
    void leadTimeOrderDoesNotMatter() {
        ExpiryNoticeDecision decision = ExpiryNoticeDecision.decide(List.of(1, 14, 7), NOW.plus(Duration.ofHours(12)),
                NOW, Set.of());

        assertEquals(Optional.of(1), decision.leadDays());
        assertEquals(Set.of(14, 7, 1), decision.leadDaysToRecord());
    }
}
