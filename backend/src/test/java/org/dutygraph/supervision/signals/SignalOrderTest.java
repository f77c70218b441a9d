package org.dutygraph.supervision.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sorting by numbers first must give what sorting by {@link CaseBook#ORDER} gives, ties in arrival order included. */
class SignalOrderTest {

    @Test
    void theNumericSortAgreesWithTheComparator_withManySignalsAtOneSecondAndSomeAtFractions() {
        var random = new SplittableRandom(5);
        for (boolean fractions : new boolean[] {false, true}) {
            var signals = new ArrayList<Signal>();
            for (int i = 0; i < 20_000; i++) {
                long second = 1_767_225_600L
                        + 86_400L * random.nextInt(30)
                        + (random.nextInt(3) == 0 ? 0 : random.nextInt(600));
                int nano = fractions && random.nextInt(100) == 0 ? 500 : 0;
                var rule = Signal.Rule.values()[random.nextInt(Signal.Rule.values().length)];
                // the post tells apart signals equal in time, case and rule: their arrival order must be kept
                signals.add(new Signal(
                        "QS-" + random.nextInt(2_000),
                        rule,
                        "pi",
                        "u",
                        "p" + i,
                        Instant.ofEpochSecond(second, nano),
                        null,
                        null));
            }
            var expected = signals.toArray(Signal[]::new);
            Arrays.sort(expected, CaseBook.ORDER);
            assertThat(CaseBook.sorted(signals)).containsExactly(expected);
        }
    }
}
