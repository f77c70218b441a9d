package org.dutygraph.platform.effects;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.effects.*}.
 *
 * @param deliveryInterval how often effects still pending (their first delivery failed, or the process stopped
 *                         before it) are delivered again
 * @param batchSize        pending effects delivered per run
 * @param perTransaction   effects delivered together in one transaction (a failed batch is delivered again one by one)
 * @param initialBackoff   wait after a failed delivery, doubled on each further failure up to {@code maxBackoff}
 * @param maxBackoff       longest wait between two deliveries of one effect
 * @param keepDone         delivered effects are deleted after this
 */
@ConfigurationProperties("dutygraph.effects")
public record EffectSettings(
        @DefaultValue("30s") Duration deliveryInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("200") int perTransaction,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("7d") Duration keepDone) {

    /** How long to wait after the {@code attempts}-th failed delivery. */
    Duration backoff(int attempts) {
        var wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
    }
}
