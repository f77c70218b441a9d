package org.dutygraph.complaints.photos;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps how many photos are decoded at once: each decode may hold a raster of up to the decoded-bytes limit
 * and a core. A caller over the cap waits up to {@code wait} for a permit, then is told to come back.
 */
public final class DecodePermits {

    /** No permit came free in time; nothing was decoded or stored. */
    public static final class Busy extends Exception {

        private final Duration retryAfter;

        Busy(Duration retryAfter) {
            super("Too many photos are being processed right now; send the same photo again shortly");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Semaphore permits;
    private final Duration wait;

    public DecodePermits(int permits, Duration wait) {
        if (permits < 1) {
            throw new IllegalArgumentException("dutygraph.complaints.photos.decode-permits must be at least 1");
        }
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Takes a permit, waiting up to the configured time; the caller must {@link #release()} it. */
    public void acquire() throws Busy {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(RETRY_AFTER);
        }
    }

    public void release() {
        permits.release();
    }
}
