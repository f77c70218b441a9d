package org.dutygraph.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the year files come from: {@code calendar/<year>.txt} in the jar for the shipped years, replaced or
 * extended by {@code <year>.txt} files in an office's directory.
 */
final class CalendarFiles {

    static final List<Integer> SHIPPED_YEARS = List.of(2026, 2027);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");

    private CalendarFiles() {}

    static WorkingDays.Builder shipped() {
        var builder = new WorkingDays.Builder();
        for (int year : SHIPPED_YEARS) {
            var name = "/calendar/" + year + ".txt";
            try (InputStream in = CalendarFiles.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("The jar lacks " + name);
                builder.year(
                        year,
                        CalendarYearParser.parse(year, name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder;
    }

    /** The shipped years, each replaced by a file of the same year in {@code directory} (which may add years). */
    static WorkingDays load(Path directory) {
        var builder = shipped();
        if (directory == null) {
            return builder.build();
        }
        try (var files = Files.list(directory)) {
            for (var file : files.sorted().toList()) {
                var name = YEAR_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) continue;
                int year = Integer.parseInt(name.group(1));
                builder.year(
                        year,
                        CalendarYearParser.parse(
                                year, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar directory " + directory, e);
        }
        return builder.build();
    }
}
