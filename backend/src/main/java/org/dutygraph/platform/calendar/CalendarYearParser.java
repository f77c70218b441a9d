package org.dutygraph.platform.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One year's file: a line per day or range, {@code 2026-02-15..2026-02-23 off 春节} or {@code 2026-02-14 work 春节调休},
 * anything after the keyword a note; {@code #} starts a comment. Every bad line is reported with its number.
 */
final class CalendarYearParser {

    private CalendarYearParser() {}

    static Map<LocalDate, Boolean> parse(int year, String source, String text) {
        var days = new HashMap<LocalDate, Boolean>();
        var problems = new ArrayList<String>();
        var lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash).strip();
            if (line.isEmpty()) continue;
            var problem = parseLine(year, line, days);
            if (problem != null) problems.add(source + " line " + (i + 1) + ": " + problem);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Calendar rejected:\n  " + String.join("\n  ", problems));
        }
        return days;
    }

    private static String parseLine(int year, String line, Map<LocalDate, Boolean> days) {
        var parts = line.split("\\s+", 3);
        if (parts.length < 2) return "expected '<date>[..<date>] off|work [note]'";
        boolean working;
        switch (parts[1]) {
            case "off" -> working = false;
            case "work" -> working = true;
            default -> {
                return "'" + parts[1] + "' must be off or work";
            }
        }
        List<LocalDate> range;
        try {
            range = range(parts[0]);
        } catch (DateTimeException e) {
            return "'" + parts[0] + "' is not a date (yyyy-mm-dd) or a range (yyyy-mm-dd..yyyy-mm-dd)";
        }
        for (var day : range) {
            if (day.getYear() != year) return day + " is not in " + year;
            if (days.containsKey(day)) return day + " is listed twice";
            if (working && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return day + " is a weekday: only a weekend day can be swapped into a working day";
            }
            days.put(day, working);
        }
        return null;
    }

    private static List<LocalDate> range(String text) {
        int dots = text.indexOf("..");
        var first = LocalDate.parse(dots < 0 ? text : text.substring(0, dots));
        var last = dots < 0 ? first : LocalDate.parse(text.substring(dots + 2));
        if (last.isBefore(first) || first.plusDays(31).isBefore(last)) {
            throw new DateTimeException("bad range");
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
