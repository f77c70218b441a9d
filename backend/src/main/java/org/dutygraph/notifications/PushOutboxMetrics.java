package org.dutygraph.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.dutygraph.notifications.PushIntentStore.OutboxFigures;
import org.springframework.stereotype.Component;

/**
 * The push outbox as operators watch it: intents waiting to be sent, the age of the oldest one, and dead letters
 * (gauges {@code dutygraph.push.outbox.waiting}, {@code dutygraph.push.outbox.oldest.age},
 * {@code dutygraph.push.outbox.dead}). Read from the graph, so every instance reports the same service-wide figures;
 * at most once per {@link #FRESH} however often they are scraped.
 */
@Component
class PushOutboxMetrics {

    static final Duration FRESH = Duration.ofSeconds(15);

    private final PushIntentStore store;
    private final Clock clock;
    private OutboxFigures figures;
    private long readAt;

    PushOutboxMetrics(PushIntentStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        gauge(
                meters,
                "dutygraph.push.outbox.waiting",
                "Pushes waiting to be sent (pending or claimed)",
                f -> f.waiting());
        gauge(meters, "dutygraph.push.outbox.dead", "Pushes given up on (dead letters), until replayed", f -> f.dead());
        Gauge.builder("dutygraph.push.outbox.oldest.age", this, metrics -> metrics.oldestAgeSeconds())
                .description("How long the oldest waiting push has waited")
                .baseUnit("seconds")
                .register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<OutboxFigures> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.figures()))
                .description(description)
                .register(meters);
    }

    private double oldestAgeSeconds() {
        var oldest = figures().oldestWaiting();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private synchronized OutboxFigures figures() {
        if (figures == null || System.nanoTime() - readAt > FRESH.toNanos()) {
            figures = store.figures();
            readAt = System.nanoTime();
        }
        return figures;
    }
}
