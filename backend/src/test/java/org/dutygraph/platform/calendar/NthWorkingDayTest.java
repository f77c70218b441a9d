package org.dutygraph.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The table behind {@link WorkingDays#nthWorkingDayAfter} answers as counting day by day does. */
class NthWorkingDayTest {

    @Test
    void theTableAgreesWithCountingDayByDay_acrossHolidaysSwappedWeekendsAndTheTablesEdges() {
        var days = WorkingDays.shipped();
        for (var from :
                new LocalDate[] {LocalDate.of(2025, 12, 1), LocalDate.of(1989, 12, 1), LocalDate.of(2100, 11, 1)}) {
            for (var day = from; day.isBefore(from.plusDays(500)); day = day.plusDays(1)) {
                for (int n = 0; n <= 40; n++) {
                    var counted = day;
                    for (int i = 0; i < n; i++) counted = days.next(counted);
                    assertThat(days.nthWorkingDayAfter(day, n))
                            .as("%s + %d", day, n)
                            .isEqualTo(counted);
                }
            }
        }
        assertThat(days.nthWorkingDayAfter(LocalDate.of(2026, 2, 13), 1))
                .as("Saturday 14 Feb 2026 is a swapped working day")
                .isEqualTo(LocalDate.of(2026, 2, 14));
    }
}
