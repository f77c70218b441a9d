package org.dutygraph.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDaysTest {

    @TempDir
    Path directory;

    @Test
    void theShippedYearsKnowHolidaysAndSwappedWeekends() {
        var days = WorkingDays.shipped();
        assertThat(days.years()).containsExactly(2026, 2027);
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 16)))
                .as("春节, a Monday")
                .isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 14)))
                .as("春节调休, a Saturday")
                .isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 24)))
                .as("the Tuesday after")
                .isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 7)))
                .as("an ordinary Saturday")
                .isFalse();
        assertThat(days.next(LocalDate.of(2026, 4, 30))).as("劳动节 1-5 May").isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(days.isWorkingDay(LocalDate.of(2028, 1, 3)))
                .as("an undescribed year counts weekdays")
                .isTrue();
    }

    @Test
    void anOfficeFileReplacesAShippedYearAndAddsOthers() throws Exception {
        Files.writeString(directory.resolve("2027.txt"), "2027-02-04..2027-02-10 off 春节\n2027-02-20 work 调休\n");
        Files.writeString(directory.resolve("2028.txt"), "# 2028\n2028-01-03 off a made-up day\n");
        Files.writeString(directory.resolve("notes.md"), "ignored");

        var days = CalendarFiles.load(directory);

        assertThat(days.years()).containsExactly(2026, 2027, 2028);
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 10))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 6, 9)))
                .as("the shipped 2027 is replaced whole")
                .isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 1)))
                .as("2026 as shipped")
                .isFalse();
    }

    @Test
    void aBadFileIsRefusedWithEveryBadLineNumbered() throws Exception {
        Files.writeString(
                directory.resolve("2027.txt"),
                "2027-01-01 off\n2027-13-01 off\n2027-01-05 work\n2026-05-01 off\n2027-01-01 holiday\n");

        assertThatThrownBy(() -> CalendarFiles.load(directory))
                .hasMessageContaining("line 2: '2027-13-01' is not a date")
                .hasMessageContaining("line 3: 2027-01-05 is a weekday")
                .hasMessageContaining("line 4: 2026-05-01 is not in 2027")
                .hasMessageContaining("line 5: 'holiday' must be off or work");
    }
}
