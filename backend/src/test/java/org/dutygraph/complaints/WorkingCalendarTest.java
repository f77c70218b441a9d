package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.dutygraph.platform.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

/** Complaint deadlines count the shipped calendar's working days: holidays skipped, swapped weekends counted. */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, LocalTime.of(18, 0), WorkingDays.shipped());

    @Test
    void aComplaintBeforeNationalDayIsDueAfterTheHolidayWeek() {
        // Wednesday 30 September 2026; 1-7 October are holidays, Saturday 10 October is a working day
        var due = calendar.due(Instant.parse("2026-09-30T02:00:00Z"), 1);
        assertThat(due).isEqualTo(Instant.parse("2026-10-08T10:00:00Z"));

        var threeDays = calendar.due(Instant.parse("2026-09-30T02:00:00Z"), 3);
        assertThat(threeDays)
                .as("Friday 9th, then the swapped Saturday 10th")
                .isEqualTo(Instant.parse("2026-10-10T10:00:00Z"));
    }

    @Test
    void aComplaintOnASwappedWorkingSundayStartsThatDay() {
        // Sunday 4 January 2026 is a working day (元旦调休)
        var due = calendar.due(Instant.parse("2026-01-04T01:00:00Z"), 0);
        assertThat(due).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
    }

    @Test
    void weekdaysOnlyIsWhatTheCalendarUsedToBe() {
        var plain = new WorkingCalendar(SHANGHAI, LocalTime.of(18, 0), WorkingDays.weekdaysOnly());
        assertThat(plain.due(Instant.parse("2026-09-30T02:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
    }
}
