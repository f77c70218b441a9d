package org.dutygraph.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are working days. A day listed in a year's calendar file is a holiday ({@code off}) or a swapped
 * working weekend ({@code work}); every other day is a working day from Monday to Friday. Years without a file
 * count Monday to Friday only.
 */
public final class WorkingDays {

    private final Map<LocalDate, Boolean> listed;
    private final Set<Integer> years;

    WorkingDays(Map<LocalDate, Boolean> listed, Set<Integer> years) {
        this.listed = Map.copyOf(listed);
        this.years = Collections.unmodifiableSet(new TreeSet<>(years));
    }

    /** Monday to Friday, no holidays: for tests and for years nobody described. */
    public static WorkingDays weekdaysOnly() {
        return new WorkingDays(Map.of(), Set.of());
    }

    /** The calendars shipped in the jar. */
    public static WorkingDays shipped() {
        return CalendarFiles.shipped().build();
    }

    /** The shipped years, each replaced by a {@code <year>.txt} in {@code directory} (which may add years). */
    public static WorkingDays load(java.nio.file.Path directory) {
        return CalendarFiles.load(directory);
    }

    /** The years a calendar file describes. */
    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate day) {
        var swapped = listed.get(day);
        if (swapped != null) {
            return swapped;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day after {@code day}. */
    public LocalDate next(LocalDate day) {
        var next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** {@code day} itself if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate day) {
        return isWorkingDay(day) ? day : next(day);
    }

    static final class Builder {
        private final Map<LocalDate, Boolean> listed = new HashMap<>();
        private final Set<Integer> years = new TreeSet<>();

        /** Replaces whatever was known of {@code year}. */
        Builder year(int year, Map<LocalDate, Boolean> days) {
            listed.keySet().removeIf(day -> day.getYear() == year);
            listed.putAll(days);
            years.add(year);
            return this;
        }

        WorkingDays build() {
            return new WorkingDays(listed, years);
        }
    }
}
