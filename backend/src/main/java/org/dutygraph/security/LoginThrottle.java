package org.dutygraph.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per existing account (5 per 15 minutes, refilled gradually), so passwords
 * cannot be guessed online. Unknown usernames are not tracked: there is nothing to protect, and
 * tracking them would let anyone grow this map without bound.
 */
@Component
class LoginThrottle {

    static final int ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    boolean blocked(String username) {
        var bucket = failures.get(key(username));
        return bucket != null && bucket.getAvailableTokens() == 0;
    }

    void failed(String username) {
        failures.computeIfAbsent(key(username), k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(ATTEMPTS).refillGreedy(ATTEMPTS, WINDOW))
                .build()).tryConsume(1);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
