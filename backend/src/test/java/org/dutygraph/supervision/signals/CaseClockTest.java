package org.dutygraph.supervision.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dutygraph.platform.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

/** The clock counts free stretches from the calendar's table; it must answer as walking day by day does. */
class CaseClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingDays days = WorkingDays.shipped();
    private final ZoneDays zone = new ZoneDays(SHANGHAI);

    @Test
    void limitsAndDaysUsedAgreeWithCountingDayByDay_withSuspensionsOpenClosedAndTouching() {
        var random = new SplittableRandom(3);
        for (int round = 0; round < 3_000; round++) {
            var clock = new CaseClock(days, zone);
            var suspensions = new ArrayList<LocalDate[]>();
            var day = LocalDate.of(2025, 12, 1).plusDays(random.nextInt(420));
            var from = day;
            for (int s = random.nextInt(4); s > 0; s--) {
                day = day.plusDays(random.nextInt(6)) /* 0: suspended again the day it resumed */;
                clock.suspend(noon(day));
                var start = day;
                if (random.nextInt(5) == 0) {
                    suspensions.add(new LocalDate[] {start, null});
                    break;
                }
                day = day.plusDays(random.nextInt(5));
                clock.resume(noon(day));
                suspensions.add(new LocalDate[] {start, day});
            }
            for (int n = 0; n <= 25; n++) {
                assertThat(clock.lastDay(from, n))
                        .as("%s + %d %s", from, n, text(suspensions))
                        .isEqualTo(walk(from, n, suspensions));
            }
            for (var to = from.minusDays(2); to.isBefore(from.plusDays(40)); to = to.plusDays(1)) {
                assertThat(clock.daysCounted(from, to))
                        .as("%s..%s %s", from, to, text(suspensions))
                        .isEqualTo(count(from, to, suspensions));
            }
        }
    }

    @Test
    void zoneDaysAnswerAsJavaTimeDoes() {
        for (var zoneId : List.of(SHANGHAI, ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"))) {
            var zoneDays = new ZoneDays(zoneId);
            for (var at = Instant.parse("1985-01-01T00:00:00Z");
                    at.isBefore(Instant.parse("2030-01-01T00:00:00Z"));
                    at = at.plusSeconds(3 * 3600 + 7)) {
                var day = at.atZone(zoneId).toLocalDate();
                assertThat(zoneDays.day(at)).as("%s in %s", at, zoneId).isEqualTo(day);
                assertThat(zoneDays.startOf(day))
                        .as("%s in %s", day, zoneId)
                        .isEqualTo(day.atStartOfDay(zoneId).toInstant());
            }
        }
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    private LocalDate walk(LocalDate from, int n, List<LocalDate[]> suspensions) {
        var day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            var in = suspendedBy(day, suspensions);
            if (in != null) {
                if (in[1] == null) return null;
                continue;
            }
            if (days.isWorkingDay(day)) counted++;
        }
        return day;
    }

    private int count(LocalDate from, LocalDate to, List<LocalDate[]> suspensions) {
        int counted = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day) && suspendedBy(day, suspensions) == null) counted++;
        }
        return counted;
    }

    private static LocalDate[] suspendedBy(LocalDate day, List<LocalDate[]> suspensions) {
        for (var s : suspensions) {
            if (!day.isBefore(s[0]) && (s[1] == null || !day.isAfter(s[1]))) return s;
        }
        return null;
    }

    private static String text(List<LocalDate[]> suspensions) {
        return suspensions.stream().map(s -> s[0] + ".." + s[1]).toList().toString();
    }
}
