package io.warden.credential;

import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import io.warden.platform.jobs.Batches;
import io.warden.platform.jobs.JobSlots;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Marks credentials past their expiry as expired and publishes expiry notices, every 15 seconds,
 * once per period across all nodes. Requests are refused at expiry whether or not the sweep has
 * run. The sweep records each expiry (status and one audit event per credential, actor "system")
 * and evicts cached state. It then publishes the {@code credential.expiring} events that are due
 * for the lead times of {@code WARDEN_EXPIRY_NOTICE_DAYS}.
 *
 * <p>The bean starts with the server so that an invalid {@code WARDEN_EXPIRY_NOTICE_DAYS} stops
 * the deployment with a message that names the variable and the value.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialExpirySweep {

    static final String JOB = "credential-expiry";
    private static final Logger LOG = Logger.getLogger(CredentialExpirySweep.class.getName());
    private static final int BATCH_SIZE = 200;
    private static final Duration PERIOD = Duration.ofSeconds(15);

    @Inject
    JobSlots slots;

    @Inject
    CredentialService credentials;

    @Inject
    CredentialExpiryNotices notices;

    @Inject
    WardenConfig config;

    /** Lead times of expiry notices in days, largest first. */
    private List<Integer> noticeLeadDays;

    @PostConstruct
    void readNoticeLeadDays() {
        noticeLeadDays = config.expiryNoticeDays();
        LOG.info(() -> "Credential expiry notices are published " + noticeLeadDays.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + " days before expiry (WARDEN_EXPIRY_NOTICE_DAYS)");
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void sweep() {
        Instant now = ServerClock.now();
        if (!claimSlot(now)) {
            return;
        }
        try {
            expireDue(now);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Expiry sweep failed; the next run retries", e);
        }
        try {
            sendDueNotices(now);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Publishing credential expiry notices failed; the next run retries", e);
        }
    }

    private boolean claimSlot(Instant now) {
        try {
            return slots.claim(JOB, JobSlots.slot(now, PERIOD));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Expiry sweep could not claim its slot; the next run retries", e);
            return false;
        }
    }

    private void expireDue(Instant now) {
        long count = Batches.untilShort(BATCH_SIZE, () -> credentials.expireDue(now, BATCH_SIZE));
        if (count > 0) {
            LOG.info(() -> "Expiry sweep marked " + count + " credentials as expired");
        }
    }

    private void sendDueNotices(Instant now) {
        int total = 0;
        CredentialExpiryNotices.Batch batch;
        do {
            batch = notices.sendDue(now, noticeLeadDays, BATCH_SIZE);
            total += batch.notices();
        } while (batch.credentials() == BATCH_SIZE);
        int count = total;
        if (count > 0) {
            LOG.info(() -> "Expiry sweep published " + count + " credential expiry notices");
        }
    }
}
