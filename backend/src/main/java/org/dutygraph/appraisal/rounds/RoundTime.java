package org.dutygraph.appraisal.rounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The time rounds open and close by: the application's {@link Clock} when it has one (tests move it), else the system's. */
@Component
class RoundTime {

    private final ObjectProvider<Clock> clocks;

    RoundTime(ObjectProvider<Clock> clocks) {
        this.clocks = clocks;
    }

    private Clock clock() {
        return clocks.getIfUnique(Clock::systemDefaultZone);
    }

    Instant now() {
        return clock().instant();
    }

    /** Today where the service runs: the day raters and subjects are looked up for (current posts). */
    LocalDate today() {
        return LocalDate.now(clock());
    }
}
