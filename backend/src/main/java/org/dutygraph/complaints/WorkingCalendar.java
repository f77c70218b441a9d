package org.dutygraph.complaints;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.dutygraph.platform.calendar.WorkingDays;

/**
 * Deadlines in working days of the shared calendar (public holidays and swapped working weekends included),
 * ending at the end of the working day. A complaint that arrives after hours or on a day off starts on the next
 * working day.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final LocalTime workdayEnd;
    private final WorkingDays days;

    public WorkingCalendar(ZoneId zone, LocalTime workdayEnd, WorkingDays days) {
        this.zone = zone;
        this.workdayEnd = workdayEnd;
        this.days = days;
    }

    /** The end of the working day {@code workingDays} after the one {@code from} falls on (0 = the same day). */
    public Instant due(Instant from, int workingDays) {
        var local = from.atZone(zone);
        var day = local.toLocalDate();
        if (!days.isWorkingDay(day) || local.toLocalTime().isAfter(workdayEnd)) {
            day = days.next(day);
        }
        for (int i = 0; i < workingDays; i++) {
            day = days.next(day);
        }
        return day.atTime(workdayEnd).atZone(zone).toInstant();
    }
}
