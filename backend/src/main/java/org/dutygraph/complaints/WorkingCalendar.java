package org.dutygraph.complaints;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Deadlines in working days: Monday to Friday, ending at the end of the working day. A complaint that
 * arrives after hours or on a weekend starts on the next working day. Public holidays and the swapped
 * working weekends of the Chinese calendar are not modelled yet.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final LocalTime workdayEnd;

    public WorkingCalendar(ZoneId zone, LocalTime workdayEnd) {
        this.zone = zone;
        this.workdayEnd = workdayEnd;
    }

    /** The end of the working day {@code workingDays} after the one {@code from} falls on (0 = the same day). */
    public Instant due(Instant from, int workingDays) {
        var local = from.atZone(zone);
        var day = local.toLocalDate();
        if (!isWorkingDay(day) || local.toLocalTime().isAfter(workdayEnd)) {
            day = nextWorkingDay(day);
        }
        for (int i = 0; i < workingDays; i++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(workdayEnd).atZone(zone).toInstant();
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        var next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
