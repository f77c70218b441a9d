package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    private final ZoneId zone;
    private final List<LocalDate[]> suspensions = new ArrayList<>();

    CaseClock(WorkingDays days, ZoneId zone) {
        this.days = days;
        this.zone = zone;
    }

    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
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
        if (suspensions.isEmpty()) {
            var last = days.nthWorkingDayAfter(from, n);
            return last.toEpochDay() - from.toEpochDay() > MAX_DAYS_SCANNED + 1 ? null : last;
        }
        var day = from;
        for (int counted = 0, scanned = 0; counted < n; scanned++) {
            if (scanned > MAX_DAYS_SCANNED) return null;
            day = day.plusDays(1);
            if (isSuspended(day)) {
                if (openFrom(day)) return null;
                continue;
            }
            if (days.isWorkingDay(day)) counted++;
        }
        return day;
    }

    /** The working days counted after {@code from} up to and including {@code to}, suspended days left out. */
    int daysCounted(LocalDate from, LocalDate to) {
        int counted = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day) && !isSuspended(day)) counted++;
        }
        return counted;
    }

    private boolean isSuspended(LocalDate day) {
        for (var s : suspensions) {
            if (!day.isBefore(s[0]) && (s[1] == null || !day.isAfter(s[1]))) return true;
        }
        return false;
    }

    private boolean openFrom(LocalDate day) {
        var last = suspensions.get(suspensions.size() - 1);
        return last[1] == null && !day.isBefore(last[0]);
    }
}
