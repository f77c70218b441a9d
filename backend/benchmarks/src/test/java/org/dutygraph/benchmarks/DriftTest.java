package org.dutygraph.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    @Test
    void aSingleNoisyLateMinuteIsNoDrift() {
        // ten minutes: 3 of warm-up, minutes 4-6 earlier, 8-10 later; minute 9 a spike
        var p99 = List.of(900.0, 300.0, 120.0, 100.0, 110.0, 105.0, 100.0, 108.0, 800.0, 104.0);
        var drift = Drift.of("p99", p99, 0.25, 10);
        assertThat(drift.drifted()).isFalse();
        assertThat(drift.robust()).isTrue();
    }

    @Test
    void aSingleNoisyEarlyMinuteDoesNotHideARise() {
        var p99 = List.of(900.0, 300.0, 120.0, 100.0, 900.0, 105.0, 150.0, 160.0, 170.0, 180.0);
        assertThat(Drift.of("p99", p99, 0.25, 10).drifted()).isTrue();
    }

    @Test
    void aSteadyRiseAfterWarmUpIsDrift() {
        var heap = List.of(400.0, 200.0, 200.0, 210.0, 220.0, 230.0, 240.0, 250.0, 260.0, 270.0, 280.0, 290.0);
        var drift = Drift.of("heap", heap, 0.1, 16);
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.later()).isGreaterThan(drift.earlier());
    }

    @Test
    void aFlatSeriesWithNoisePassesAndTheWarmUpDoesNotCount() {
        var files = List.of(500.0, 80.0, 81.0, 79.0, 82.0, 80.0, 81.0, 80.0, 83.0);
        assertThat(Drift.of("files", files, 0.25, 16).drifted()).isFalse();
    }

    @Test
    void minutesWithoutASampleAreLeftOut() {
        var heap = List.of(300.0, -1.0, 200.0, -1.0, 205.0, Double.NaN, 210.0, 208.0);
        assertThat(Drift.of("heap", heap, 0.25, 32).drifted()).isFalse();
    }

    @Test
    void aShortRunIsJudgedButMarkedAsDecidedByOneMinute() {
        var drift = Drift.of("p99", List.of(500.0, 100.0, 400.0), 0.25, 10);
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.robust()).isFalse();
        assertThat(drift.toString()).contains("a single noisy minute can decide this");
        assertThat(Drift.of("p99", List.of(500.0, 100.0), 0.25, 10).drifted()).isFalse();
    }
}
