package org.dutygraph.appraisal.rounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The time rounds open and close by: the application's {@link Clock} (in {@code dutygraph.zone}; tests move it). */
@Component
class RoundTime {

    private final Clock clock;

    RoundTime(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Today where the service runs: the day raters and subjects are looked up for (current posts). */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
