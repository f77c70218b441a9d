package org.dutygraph.appraisal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A month ("2026-03"), a quarter ("2026-Q1") or a year ("2026"). */
public record Period(int year, Kind kind, int index) implements Comparable<Period> {

    public enum Kind {
        MONTH,
        QUARTER,
        YEAR
    }

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    public static Period parse(String text) {
        // exactly the text, as the typed YearMonth and AppraisalPeriod take it: " 2026-03" is refused, not trimmed
        var m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("A period is a year (2026), a quarter (2026-Q1) or a month (2026-03)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            // the typed YearMonth and AppraisalPeriod take no other years: a period stored through a String argument
            // must be one they can answer with
            throw new IllegalArgumentException("Years run from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("Months run from 01 to 12");
            }
            return new Period(year, Kind.MONTH, month);
        }
        return m.group(3) != null
                ? new Period(year, Kind.QUARTER, Integer.parseInt(m.group(3)))
                : new Period(year, Kind.YEAR, 1);
    }

    public static Period month(int year, int month) {
        return new Period(year, Kind.MONTH, month);
    }

    /** The periods of {@code kind} inside this one, in order (the quarters or months of a year, the months of a quarter). */
    public List<Period> parts(Kind kind) {
        var parts = new ArrayList<Period>();
        if (this.kind == Kind.YEAR && kind == Kind.QUARTER) {
            for (int q = 1; q <= 4; q++) {
                parts.add(new Period(year, Kind.QUARTER, q));
            }
        } else if (this.kind == Kind.YEAR && kind == Kind.MONTH) {
            for (int m = 1; m <= 12; m++) {
                parts.add(month(year, m));
            }
        } else if (this.kind == Kind.QUARTER && kind == Kind.MONTH) {
            for (int m = 1; m <= 3; m++) {
                parts.add(month(year, (index - 1) * 3 + m));
            }
        } else {
            throw new IllegalArgumentException(kind + " is not a part of a " + this.kind);
        }
        return parts;
    }

    /** The month {@code n} months after this month. */
    public Period plusMonths(int n) {
        int zeroBased = year * 12 + index - 1 + n;
        return month(zeroBased / 12, zeroBased % 12 + 1);
    }

    @Override
    public int compareTo(Period other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        // not String.format: periods are map keys, built millions of times in a year's recomputation
        return switch (kind) {
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> year + "-Q" + index;
            case YEAR -> String.valueOf(year);
        };
    }
}
