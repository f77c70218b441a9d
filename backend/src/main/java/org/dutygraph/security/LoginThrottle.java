package org.dutygraph.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins, in memory per instance: 5 per username as typed and source address, and
 * {@link SecurityProperties#loginFailuresPerSource()} per source across usernames (both per 15 minutes, refilled
 * gradually). Keyed by source so that a stranger elsewhere cannot lock the owner out; unknown usernames are
 * throttled exactly like existing ones so that throttling does not tell which exist. IPv6 sources count per /64,
 * which one client usually holds whole.
 */
@Component
class LoginThrottle {

    static final int ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_USERNAME_KEY = 256;

    private final int perSource;
    /** Bounded, so that attempts from many addresses or with many usernames cannot exhaust the heap. */
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(200_000).build();

    LoginThrottle(SecurityProperties properties) {
        this.perSource = properties.loginFailuresPerSource();
    }

    /**
     * Takes one attempt from both allowances before the password is checked, so that parallel guesses cannot
     * overrun them; false when either is used up.
     */
    boolean tryAttempt(String username, String address) {
        var source = source(address);
        var pair = bucket(pairKey(username, source), ATTEMPTS);
        if (!pair.tryConsume(1)) {
            return false;
        }
        if (!bucket("s " + source, perSource).tryConsume(1)) {
            pair.addTokens(1);
            return false;
        }
        return true;
    }

    /** The attempt was a successful sign-in: it counts against neither allowance, and earlier failures are forgiven. */
    void succeeded(String username, String address) {
        var source = source(address);
        buckets.invalidate(pairKey(username, source));
        bucket("s " + source, perSource).addTokens(1);
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, WINDOW))
                        .build());
    }

    private static String pairKey(String username, String source) {
        var name = username.toLowerCase(Locale.ROOT);
        return "u " + source + " " + (name.length() > MAX_USERNAME_KEY ? name.substring(0, MAX_USERNAME_KEY) : name);
    }

    static String source(String address) {
        if (address == null) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            var bytes = InetAddress.getByName(address).getAddress(); // a literal from the socket: no lookup
            return bytes.length == 16
                    ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
