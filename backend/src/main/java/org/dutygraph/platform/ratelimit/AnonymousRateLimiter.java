package org.dutygraph.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Rate limits for callers without an account that identify no one: in-memory token buckets keyed by an
 * HMAC of the client address under a key that is random and replaced every day (UTC), together with
 * every bucket. No address, and no stable pseudonym of one, is kept or written anywhere.
 */
@Component
@EnableConfigurationProperties(AnonymousRateLimiter.Limits.class)
public class AnonymousRateLimiter {

    /**
     * {@code dutygraph.rate-limits.*}: per address, GraphQL root fields per minute and per hour, and
     * uploads per hour.
     *
     * @param fieldsPerMinute GraphQL root fields an anonymous caller (per address) may ask for in a minute
     * @param fieldsPerHour   GraphQL root fields an anonymous caller (per address) may ask for in an hour
     * @param uploadsPerHour  evidence uploads an anonymous caller (per address) may make in an hour
     */
    @ConfigurationProperties("dutygraph.rate-limits")
    public record Limits(
            @DefaultValue("60") int fieldsPerMinute,
            @DefaultValue("600") int fieldsPerHour,
            @DefaultValue("30") int uploadsPerHour) {}

    public enum Kind {
        FIELD,
        UPLOAD
    }

    private record Day(LocalDate date, byte[] key, Map<String, Bucket> buckets) {}

    private final Limits limits;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Day day;

    AnonymousRateLimiter(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.day = newDay(utcDate());
    }

    /** Takes one token for this address, or throws {@link RateLimitedException}. */
    public void consume(Kind kind, String address) {
        var today = today();
        var key = pseudonym(today.key(), kind.name() + "|" + (address == null ? "" : address));
        var bucket = today.buckets().computeIfAbsent(key, k -> bucket(kind));
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(Kind kind) {
        var builder = Bucket.builder();
        if (kind == Kind.UPLOAD) {
            builder.addLimit(Bandwidth.builder()
                    .capacity(limits.uploadsPerHour())
                    .refillGreedy(limits.uploadsPerHour(), Duration.ofHours(1))
                    .build());
        } else {
            builder.addLimit(Bandwidth.builder()
                    .capacity(limits.fieldsPerMinute())
                    .refillGreedy(limits.fieldsPerMinute(), Duration.ofMinutes(1))
                    .build());
            builder.addLimit(Bandwidth.builder()
                    .capacity(limits.fieldsPerHour())
                    .refillGreedy(limits.fieldsPerHour(), Duration.ofHours(1))
                    .build());
        }
        return builder.build();
    }

    private Day today() {
        var date = utcDate();
        var current = day;
        if (!current.date().equals(date)) {
            synchronized (this) {
                if (!day.date().equals(date)) {
                    day = newDay(date);
                }
                current = day;
            }
        }
        return current;
    }

    private LocalDate utcDate() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Day newDay(LocalDate date) {
        var key = new byte[32];
        random.nextBytes(key);
        return new Day(date, key, new ConcurrentHashMap<>());
    }

    private static String pseudonym(byte[] key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
