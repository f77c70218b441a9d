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

    /** The days {@link #nthWorkingDayAfter} answers from a table (outside them it counts day by day). */
    private static final long TABLE_FIRST = LocalDate.of(1990, 1, 1).toEpochDay();

    private static final long TABLE_END = LocalDate.of(2101, 1, 1).toEpochDay();

    private final Map<LocalDate, Boolean> listed;
    private final Set<Integer> years;
    private volatile Table table;

    /**
     * {@code workingUpTo[i]}: working days in [TABLE_FIRST, TABLE_FIRST + i]; {@code working[k]}: the k-th working
     * day from TABLE_FIRST, as an offset from it.
     */
    private record Table(int[] workingUpTo, int[] working) {}

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
        long offset = day.toEpochDay() - TABLE_FIRST;
        if (offset > 0 && day.toEpochDay() < TABLE_END) {
            var upTo = table().workingUpTo();
            return upTo[(int) offset] != upTo[(int) offset - 1];
        }
        return listedOrWeekday(day);
    }

    /**
     * The working days after {@code after} up to and including {@code upTo} (0 when {@code upTo} is not after it): two
     * table lookups for the years 1990 to 2100.
     */
    public int workingDaysBetween(LocalDate after, LocalDate upTo) {
        long a = after.toEpochDay();
        long b = upTo.toEpochDay();
        if (b <= a) return 0;
        if (a >= TABLE_FIRST && b < TABLE_END) {
            var upToTable = table().workingUpTo();
            return upToTable[(int) (b - TABLE_FIRST)] - upToTable[(int) (a - TABLE_FIRST)];
        }
        int counted = 0;
        for (var day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            if (isWorkingDay(day)) counted++;
        }
        return counted;
    }

    private boolean listedOrWeekday(LocalDate day) {
        var swapped = listed.get(day);
        if (swapped != null) {
            return swapped;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself for 0): where a limit of n working days
     * started on {@code from} ends. A table lookup for the years 1990 to 2100.
     */
    public LocalDate nthWorkingDayAfter(LocalDate from, int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative: " + n);
        if (n == 0) return from;
        long offset = from.toEpochDay() - TABLE_FIRST;
        if (offset >= 0 && from.toEpochDay() < TABLE_END) {
            var t = table();
            long k = (long) t.workingUpTo()[(int) offset] + n - 1;
            if (k < t.working().length) return LocalDate.ofEpochDay(TABLE_FIRST + t.working()[(int) k]);
        }
        var day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    private Table table() {
        var t = table;
        if (t == null) {
            int size = (int) (TABLE_END - TABLE_FIRST);
            var upTo = new int[size];
            var working = new int[size];
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (listedOrWeekday(LocalDate.ofEpochDay(TABLE_FIRST + i))) working[count++] = i;
                upTo[i] = count;
            }
            t = new Table(upTo, java.util.Arrays.copyOf(working, count));
            table = t;
        }
        return t;
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
