package org.dutygraph.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a dispatcher's claim from a thread of its own while the batch is being sent, a third of the
 * lease at a time, so a slow provider never lets the lease lapse and another dispatcher re-send the
 * batch. A dispatcher that dies stops renewing, and its unfinished intents are due when the lease ends.
 */
final class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    /** The dispatching clock: the instant passed to dispatchDue, advanced by the real time since. */
    interface Clock {
        Instant now();
    }

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        var thread = new Thread(r, "push-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final PushOutbox outbox;
    private final String claimId;
    private final Duration lease;

    LeaseHeartbeat(PushOutbox outbox, String claimId, Duration lease) {
        // The thread exists only while batches are being sent; nothing to shut down.
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        this.outbox = outbox;
        this.claimId = claimId;
        this.lease = lease;
    }

    /** A running renewal; closing it stops it. */
    interface Beat extends AutoCloseable {
        @Override
        void close();
    }

    /** Keeps the claim on {@code unfinished} until the returned beat is closed. */
    Beat keep(Supplier<List<String>> unfinished, Clock clock) {
        long every = Math.max(50, lease.toMillis() / 3);
        var beat = timer.scheduleWithFixedDelay(() -> renew(unfinished, clock), every, every, TimeUnit.MILLISECONDS);
        return () -> beat.cancel(false);
    }

    private void renew(Supplier<List<String>> unfinished, Clock clock) {
        var ids = unfinished.get();
        if (ids.isEmpty()) {
            return;
        }
        try {
            int renewed = outbox.renew(claimId, ids, clock.now().plus(lease));
            if (renewed < ids.size()) {
                log.debug(
                        "Renewed {} of {} claimed pushes (the others are recorded or were taken over)",
                        renewed,
                        ids.size());
            }
        } catch (RuntimeException e) {
            // Keep beating: the next renewal may get through before the lease ends.
            log.warn("Could not renew the claim on {} pushes", ids.size(), e);
        }
    }
}
