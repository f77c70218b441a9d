package org.dutygraph.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The supervision benchmark's city and year: a bundle of units, posts, power items and duties, and the case events
 * of 2026 (one case's lines together, as a system exporting its cases would write them), from which the service
 * stage takes the first cases' lines and lays them out by day in time order, as they arrive in operation.
 */
final class SupervisionYear {

    private SupervisionYear() {}

    /** The first cases' lines: all of them in one file (for the offline baseline), and up to a moment by local day. */
    record Slice(Path all, TreeMap<LocalDate, Path> byDay, long lines, long upToMoment, long afterMoment) {}

    /**
     * The lines of cases {@code QS-0} to {@code QS-(cases - 1)}: copied whole to {@code all.jsonl}, and those at or
     * before {@code moment} (local time, the generator's offset) into a file per day, each sorted by time (stably: a
     * case's events of the same minute keep their order).
     */
    static Slice slice(Path events, int cases, String moment, Path directory) throws IOException {
        Files.createDirectories(directory);
        var all = directory.resolve("all.jsonl");
        var writers = new HashMap<LocalDate, BufferedWriter>();
        var byDay = new TreeMap<LocalDate, Path>();
        long lines = 0;
        long upTo = 0;
        long after = 0;
        try (var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8);
                var allOut = Files.newBufferedWriter(all, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (caseNumber(line) >= cases) break;
                lines++;
                allOut.write(line);
                allOut.write('\n');
                var at = at(line);
                if (at.compareTo(moment) > 0) {
                    after++;
                    continue;
                }
                upTo++;
                var day = LocalDate.parse(at.substring(0, 10));
                var w = writers.get(day);
                if (w == null) {
                    var file = directory.resolve(day + ".jsonl");
                    byDay.put(day, file);
                    w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    writers.put(day, w);
                }
                w.write(line);
                w.write('\n');
            }
        } finally {
            for (var w : writers.values()) w.close();
        }
        for (var file : byDay.values()) {
            var dayLines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            dayLines.sort(Comparator.comparing(SupervisionYear::at));
            Files.write(file, dayLines, StandardCharsets.UTF_8);
        }
        return new Slice(all, byDay, lines, upTo, after);
    }

    /** The local date-time of a generated line ({@code "at": "2026-03-02T10:15:00+08:00"}): sortable as text. */
    static String at(String line) {
        int i = line.indexOf("\"at\": \"") + 7;
        return line.substring(i, i + 19);
    }

    private static int caseNumber(String line) {
        int from = line.indexOf("\"ev-") + 4;
        return Integer.parseInt(line, from, line.indexOf('-', from), 10);
    }

    static void writeBundle(Path file, int units, int items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "{\"format\": \"org-bundle/1\", \"organizations\": [{\"id\": \"gov\", \"name\": \"市政府\", \"classification\": \"government\"}");
            for (int u = 0; u < units; u++) {
                w.write(",{\"id\": \"u" + u + "\", \"name\": \"单位" + u
                        + "\", \"classification\": \"department\", \"parent_id\": \"gov\"}");
            }
            w.write("], \"posts\": [");
            for (int u = 0; u < units; u++) {
                if (u > 0) w.write(",");
                w.write("{\"id\": \"u" + u + "-head\", \"label\": \"局长\", \"organization_id\": \"u" + u
                        + "\", \"role\": \"principal\"}");
                for (int p = 1; p <= 5; p++) {
                    w.write(",{\"id\": \"u" + u + "-" + p + "\", \"label\": \"窗口岗\", \"organization_id\": \"u" + u
                            + "\", \"role\": \"staff\"}");
                }
            }
            w.write("], \"power_items\": [");
            for (int i = 0; i < items; i++) {
                if (i > 0) w.write(",");
                int committed = 1 + i % 10;
                w.write("{\"id\": \"pi" + i + "\", \"name\": \"事项" + i
                        + "\", \"category\": \"licensing\", \"statutory_days\": " + (committed * 2 + 5)
                        + ", \"committed_days\": " + committed
                        + ", \"fees\": [{\"item\": \"工本费\", \"amount\": \"10.00\"}]}");
            }
            w.write("], \"duties\": [");
            for (int i = 0; i < items; i++) {
                if (i > 0) w.write(",");
                int u = i % units;
                w.write("{\"id\": \"d" + i + "\", \"holder_id\": \"u" + u + "-" + (1 + i % 5) + "\", \"text\": \"办理事项"
                        + i + "\", \"power_item_ids\": [\"pi" + i + "\"]}");
            }
            w.write("]}");
        }
    }

    /** Cases of 2026 spread over the year: received, accepted, a step, a fee, some suspended and resumed, most concluded. */
    static long writeEvents(Path file, int cases, int units, int items) throws IOException {
        var random = new SplittableRandom(17);
        long lines = 0;
        var start = LocalDateTime.of(2026, 1, 5, 9, 0);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < cases; c++) {
                int item = random.nextInt(items);
                var head = "\"case_id\": \"QS-" + c + "\", \"power_item_id\": \"pi" + item + "\", \"unit_id\": \"u"
                        + (item % units) + "\", ";
                var t = start.plusMinutes(random.nextLong(360L * 24 * 60));
                int e = 0;
                lines += line(w, head, c, e++, "received", t, "");
                t = t.plusMinutes(30);
                lines += line(w, head, c, e++, "accepted", t, "");
                t = t.plusHours(2);
                lines += line(
                        w,
                        head,
                        c,
                        e++,
                        "step",
                        t,
                        ", \"step\": \"审核\", \"step_limit_days\": " + (1 + random.nextInt(3)));
                t = t.plusMinutes(10);
                lines += line(
                        w,
                        head,
                        c,
                        e++,
                        "fee",
                        t,
                        ", \"fee\": {\"item\": \"" + (random.nextInt(20) == 0 ? "资料费" : "工本费")
                                + "\", \"amount\": \"10.00\"}");
                if (random.nextInt(10) < 3) {
                    t = t.plusHours(20);
                    lines += line(w, head, c, e++, "suspended", t, "");
                    t = t.plusHours(24 + random.nextInt(72));
                    lines += line(w, head, c, e++, "resumed", t, "");
                }
                if (random.nextInt(10) < 9) {
                    t = t.plusHours(random.nextInt(24 * 14));
                    lines += line(w, head, c, e, "concluded", t, "");
                }
            }
        }
        return lines;
    }

    private static int line(BufferedWriter w, String head, int c, int e, String kind, LocalDateTime at, String extra)
            throws IOException {
        w.write("{\"event_id\": \"ev-" + c + "-" + e + "\", ");
        w.write(head);
        w.write("\"kind\": \"" + kind + "\", \"at\": \"" + at + ":00+08:00\"" + extra + "}\n");
        return 1;
    }
}
