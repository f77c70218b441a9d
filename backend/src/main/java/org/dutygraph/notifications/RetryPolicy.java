package org.dutygraph.notifications;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Our own retry policy (the SDK retries only 503): full-jitter exponential backoff, never shorter than
 * the provider's Retry-After, and a last attempt after which the push is a dead letter.
 */
final class RetryPolicy {

    private final NotificationSettings.Retry settings;
    private final RandomGenerator random;

    RetryPolicy(NotificationSettings.Retry settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    boolean exhausted(int attempts) {
        return attempts >= settings.maxAttempts();
    }

    /** The wait before attempt {@code attempts + 1}. */
    Duration delay(int attempts, Duration retryAfter) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        int doublings = Math.min(Math.max(0, attempts - 1), 40);
        long ceiling = initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings);
        var jitter = Duration.ofMillis(random.nextLong(ceiling + 1));
        return retryAfter != null && retryAfter.compareTo(jitter) > 0 ? retryAfter : jitter;
    }
}
