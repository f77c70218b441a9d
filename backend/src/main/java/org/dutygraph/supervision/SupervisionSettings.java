package org.dutygraph.supervision;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.supervision.*}: the systems allowed to send case events (each an id and the SHA-256 of its
 * secret, hex), the supervision period in working days, how often signals are evaluated, and the units whose
 * accounts form the supervision office (red cards go to them).
 */
@ConfigurationProperties("dutygraph.supervision")
record SupervisionSettings(
        @DefaultValue List<SystemCredential> systems,
        @DefaultValue("2") int supervisionPeriod,
        @DefaultValue("5m") Duration evaluateInterval,
        @DefaultValue List<String> officeUnitIds,
        @DefaultValue("20000") int maxBatchLines) {

    record SystemCredential(String id, String secretSha256) {}
}
