package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.platform.calendar.WorkingDays;

/**
 * Working days of one case: a limit of N working days started on day D ends at the end of the N-th working day
 * after D; a working day on which the case was suspended at any moment does not count. While a suspension is
 * open, no limit ends.
 */
final class CaseClock {

    /** Enough for any statutory limit; past it a limit counts as never ending (a suspension that never ended). */
    private static final int MAX_DAYS_SCANNED = 20_000;

    private final WorkingDays days;
    private final ZoneDays zone;
    /** In time order (events are read so): each starts on or after the day the one before ended. */
    private final List<LocalDate[]> suspensions = new ArrayList<>(2);

    CaseClock(WorkingDays days, ZoneDays zone) {
        this.days = days;
        this.zone = zone;
    }

    LocalDate day(Instant at) {
        return zone.day(at);
    }

    Instant startOf(LocalDate day) {
        return zone.startOf(day);
    }

    Instant endOf(LocalDate day) {
        return zone.startOf(day.plusDays(1));
    }

    boolean suspended() {
        return !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1)[1] == null;
    }

    void suspend(Instant at) {
        if (!suspended()) suspensions.add(new LocalDate[] {day(at), null});
    }

    void resume(Instant at) {
        if (suspended()) suspensions.get(suspensions.size() - 1)[1] = day(at);
    }

    /** The last working day of a limit of {@code n} days started on {@code from}; null while a suspension holds it. */
    LocalDate lastDay(LocalDate from, int n) {
        var last = n == 0 ? from : unsuspendedLastDay(from, n);
        if (last == null) return null;
        return last.toEpochDay() - from.toEpochDay() > MAX_DAYS_SCANNED + 1 ? null : last;
    }

    /** Counting a stretch of free days at a time: the days between suspensions, from the calendar's table. */
    private LocalDate unsuspendedLastDay(LocalDate from, int n) {
        var cursor = from;
        int remaining = n;
        for (var s : suspensions) {
            if (s[1] != null && !s[1].isAfter(cursor)) continue;
            if (s[0].isAfter(cursor)) {
                var candidate = days.nthWorkingDayAfter(cursor, remaining);
                if (candidate.isBefore(s[0])) return candidate;
                remaining -= days.workingDaysBetween(cursor, s[0].minusDays(1));
            }
            if (s[1] == null) return null;
            cursor = s[1];
        }
        return days.nthWorkingDayAfter(cursor, remaining);
    }

    /** The working days counted after {@code from} up to and including {@code to}, suspended days left out. */
    int daysCounted(LocalDate from, LocalDate to) {
        int counted = days.workingDaysBetween(from, to);
        var covered = from;
        for (var s : suspensions) {
            var lo = s[0].isAfter(covered) ? s[0] : covered.plusDays(1);
            var hi = s[1] == null || s[1].isAfter(to) ? to : s[1];
            if (lo.isAfter(hi)) continue;
            counted -= days.workingDaysBetween(lo.minusDays(1), hi);
            covered = hi;
        }
        return counted;
    }
}
