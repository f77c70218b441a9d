package org.dutygraph.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.dutygraph.platform.time.ZoneSettings;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the API tests: real time moved by an offset, so that a test moves time (a deadline
 * passes, a month turns) instead of waiting or rewriting stored dates. Time still runs, so leases, token ages
 * and timeouts behave as in production. {@link ApiTest} puts it back after each test.
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    private MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves the application's time forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(other, offset);
    }

    /** Replaces the application's clock (same zone, {@code dutygraph.zone}). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InTests {

        @Bean
        @Primary
        MovableClock movableClock(ZoneSettings settings) {
            return new MovableClock(settings.zone(), new AtomicReference<>(Duration.ZERO));
        }
    }
}
