package io.warden.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expiry notice that one credential is due for now, and the lead times to record as handled.
 *
 * <p>A credential is inside a lead time of N days from {@code expiresAt - N days} until it expires.
 * It gets the notice of the smallest lead time it is inside, unless that notice was already
 * recorded. Every larger lead time it is inside is recorded as passed, without an event, so a
 * credential issued 12 hours before its expiry gets one 1-day notice instead of a burst of 14-, 7-
 * and 1-day notices.
 *
 * @param leadDays the lead time to send a notice for, in days; empty when nothing is to be sent
 * @param leadDaysToRecord the lead times to record now, including {@code leadDays}; empty when nothing is due
 */
record ExpiryNoticeDecision(Optional<Integer> leadDays, Set<Integer> leadDaysToRecord) {

    private static final ExpiryNoticeDecision NOTHING_DUE = new ExpiryNoticeDecision(Optional.empty(), Set.of());

    /**
     * Decides which notice a credential that expires at {@code expiresAt} is due for at {@code now}.
     *
     * @param configuredLeadDays the configured lead times in days, in any order
     * @param recordedLeadDays the lead times already recorded for this credential
     */
    static ExpiryNoticeDecision decide(List<Integer> configuredLeadDays, Instant expiresAt, Instant now,
            Set<Integer> recordedLeadDays) {
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            return NOTHING_DUE;
        }

        TreeSet<Integer> inside = new TreeSet<>();
        for (int days : configuredLeadDays) {
            if (!expiresAt.minus(Duration.ofDays(days)).isAfter(now)) {
                inside.add(days);
            }
        }
        if (inside.isEmpty()) {
            return NOTHING_DUE;
        }

        int smallest = inside.first();
        Optional<Integer> notice = recordedLeadDays.contains(smallest) ? Optional.empty() : Optional.of(smallest);
        inside.removeAll(recordedLeadDays);
        return new ExpiryNoticeDecision(notice, Set.copyOf(inside));
    }

    boolean isNothingDue() {
        return leadDaysToRecord.isEmpty();
    }
}
