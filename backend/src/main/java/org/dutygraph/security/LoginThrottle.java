package org.dutygraph.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins: 5 per username as typed and source address, and
 * {@link SecurityProperties#loginFailuresPerSource()} per source across usernames (both per 15 minutes, refilled
 * gradually). Keyed by source so that a stranger elsewhere cannot lock the owner out; unknown usernames are
 * throttled exactly like existing ones so that throttling does not tell which exist. IPv6 sources count per /64,
 * which one client usually holds whole.
 * <p>
 * The allowances live in the graph ({@link SignInAllowanceStore}), so every instance of the service counts against
 * the same ones: N instances do not allow N times the guesses. They are found by the SHA-256 of the username and
 * source, and deleted once full again (after at most the window).
 */
@Component
class LoginThrottle {

    static final int ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_USERNAME_KEY = 256;
    private static final int PRUNE_EVERY = 64;
    private static final int PRUNE_BATCH = 500;

    private final int perSource;
    private final SignInAllowanceStore allowances;
    private final GraphTransactions graph;
    private final Clock clock;
    private final AtomicInteger attempts = new AtomicInteger();

    LoginThrottle(
            SecurityProperties properties, SignInAllowanceStore allowances, GraphTransactions graph, Clock clock) {
        this.perSource = properties.loginFailuresPerSource();
        this.allowances = allowances;
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * Takes one attempt from both allowances before the password is checked, so that parallel guesses cannot
     * overrun them; false when either is used up (then neither is taken).
     */
    boolean tryAttempt(String username, String address) {
        var source = source(address);
        var pairKey = key(pairKey(username, source));
        var sourceKey = key("s " + source);
        long now = clock.millis();
        pruneNowAndThen(now);
        return graph.write(() -> {
            var pair = available(pairKey, ATTEMPTS, now);
            if (pair < 1) {
                return false;
            }
            var fromSource = available(sourceKey, perSource, now);
            if (fromSource < 1) {
                return false;
            }
            allowances.set(pairKey, pair - 1, now);
            allowances.set(sourceKey, fromSource - 1, now);
            return true;
        });
    }

    /** The attempt was a successful sign-in: it counts against neither allowance, and earlier failures are forgiven. */
    void succeeded(String username, String address) {
        var source = source(address);
        var sourceKey = key("s " + source);
        long now = clock.millis();
        graph.write(() -> {
            allowances.delete(key(pairKey(username, source)));
            allowances.set(sourceKey, Math.min(perSource, available(sourceKey, perSource, now) + 1), now);
        });
    }

    /** Locks the allowance and answers its tokens refilled up to now (a clock set back refills nothing). */
    private double available(String key, int capacity, long now) {
        var allowance = allowances.lock(key, capacity, now);
        var elapsed = Math.max(0, now - allowance.at());
        return Math.min(capacity, allowance.tokens() + (double) elapsed * capacity / WINDOW.toMillis());
    }

    private void pruneNowAndThen(long now) {
        if (attempts.incrementAndGet() % PRUNE_EVERY == 0) {
            graph.write(() -> allowances.deleteCountedBefore(now - WINDOW.toMillis(), PRUNE_BATCH));
        }
    }

    private static String key(String counted) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(counted.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
