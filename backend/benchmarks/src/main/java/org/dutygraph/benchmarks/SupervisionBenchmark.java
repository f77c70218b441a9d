package org.dutygraph.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.supervision.CaseEventIntake;
import org.dutygraph.supervision.OfflineSupervision;
import org.dutygraph.supervision.SignalEvaluation;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A year of one city's case events (1,000,000 cases, about 6 events each, as JSON lines). Stage 1, in memory as
 * {@code supervise} runs: reading the file alone (the baseline: what any tool must do), then reading, checking and
 * keeping the events, then evaluating every case at the year's end; events per second and the ratio to the
 * baseline. Stage 2, the service: the first {@code --service-events} lines through the batch intake into a fresh
 * store (batches of 10,000), then one evaluation of the open cases stored (red cards delivered into draft cases), with
 * its ratio to the baseline of the offline evaluation of the same lines in memory, measured in the same run.
 */
final class SupervisionBenchmark implements Benchmark {

    static final double INGEST_TARGET_PER_SECOND = 20_000;
    static final double EVALUATION_TARGET_SECONDS = 5;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant AT =
            OffsetDateTime.parse("2026-12-31T12:00:00+08:00").toInstant();

    private final PrintStream out;

    SupervisionBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        int cases = Integer.parseInt(options.getOrDefault("cases", "1000000"));
        int units = Integer.parseInt(options.getOrDefault("units", "200"));
        int items = Integer.parseInt(options.getOrDefault("items", "500"));
        long serviceEvents = Long.parseLong(options.getOrDefault("service-events", "200000"));
        var work = BenchmarkSupport.tempDirectory("dutygraph-supervision-bench");
        var bundle = work.resolve("city.json");
        var events = work.resolve("events.jsonl");
        writeBundle(bundle, units, items);
        long lines = writeEvents(events, cases, units, items);
        out.printf("generated %,d cases, %,d events (%,d MB)%n", cases, lines, Files.size(events) >> 20);

        boolean ok = offline(bundle, events, lines);
        ok &= service(work, bundle, events, serviceEvents);
        return ok ? 0 : 1;
    }

    private boolean offline(Path bundle, Path events, long lines) throws IOException {
        long started = System.nanoTime();
        long chars = 0;
        try (var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) chars += line.length();
        }
        double readSeconds = seconds(started);
        out.printf(
                "baseline, reading the file alone: %.2f s (%,.0f lines/s, %,d chars)%n",
                readSeconds, lines / readSeconds, chars);

        OfflineSupervision.Report report;
        try (var bundleIn = Files.newInputStream(bundle);
                var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            report = new OfflineSupervision(WorkingDays.shipped(), ZONE, 2).run(bundleIn, reader, AT);
        }
        report.lineProblems().stream()
                .limit(3)
                .forEach(p -> out.println("problem: " + OfflineSupervision.describe(p, Languages.ENGLISH)));
        report.bundleProblems().stream().limit(3).forEach(p -> out.println("bundle problem: " + p));
        double ingest = report.ingestNanos() / 1e9;
        double evaluate = report.evaluateNanos() / 1e9;
        double perSecond = report.eventsKept() / ingest;
        out.printf(
                "ingest (parse, check, keep): %.2f s, %,.0f events/s, %.1f x the baseline's time; %,d kept, %,d problems%n",
                ingest,
                perSecond,
                ingest / readSeconds,
                report.eventsKept(),
                report.lineProblems().size());
        out.printf(
                "evaluation of all %,d cases at %s: %.2f s, %,d signals (%,d not cleared)%n",
                report.cases(),
                AT,
                evaluate,
                report.signals().size(),
                report.signals().stream().filter(s -> s.clearedAt() == null).count());
        boolean ok = perSecond >= INGEST_TARGET_PER_SECOND
                && evaluate < EVALUATION_TARGET_SECONDS
                && report.lineProblems().isEmpty();
        out.printf(
                "targets (ingest >= %,.0f events/s, evaluation < %.0f s): %s%n",
                INGEST_TARGET_PER_SECOND, EVALUATION_TARGET_SECONDS, ok ? "met" : "NOT met");
        return ok;
    }

    private boolean service(Path work, Path bundle, Path events, long limit) throws Exception {
        if (limit <= 0) return true;
        try (var context =
                BenchmarkSupport.start(work.resolve("store"), "1g", "--dutygraph.supervision.evaluate-interval=24h")) {
            BenchmarkSupport.importFile(context.getBean(BundleImportService.class), bundle);
            var intake = context.getBean(CaseEventIntake.class);
            long started = System.nanoTime();
            long kept = 0;
            try (var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
                var batch = new StringBuilder();
                long n = 0;
                for (String line; n < limit && (line = reader.readLine()) != null; n++) {
                    batch.append(line).append('\n');
                    if ((n + 1) % 10_000 == 0) {
                        kept += intake.ingest("bench", new java.io.StringReader(batch.toString()))
                                .kept();
                        batch.setLength(0);
                    }
                }
                if (!batch.isEmpty())
                    kept += intake.ingest("bench", new java.io.StringReader(batch.toString()))
                            .kept();
            }
            double ingest = seconds(started);
            out.printf(
                    "service intake (batches of 10,000 into the graph): %,d events in %.2f s, %,.0f events/s%n",
                    kept, ingest, kept / ingest);
            var baseline = offlineEvaluation(bundle, events, limit);
            started = System.nanoTime();
            var run = context.getBean(SignalEvaluation.class).evaluate(AT);
            double evaluation = seconds(started);
            long redCardCases = context.getBean(Neo4jClient.class)
                    .query("MATCH (c:AccountabilityCase {sourceKind: 'E_SUPERVISION'}) RETURN count(c) AS n")
                    .fetchAs(Long.class)
                    .one()
                    .orElse(0L);
            out.printf(
                    "service evaluation of %,d open cases (signals stored, notices enqueued, red cards delivered): %.2f s,"
                            + " %,d signals, %,d red-card cases opened%n",
                    run.cases(), evaluation, run.raised(), redCardCases);
            out.printf(
                    "baseline, the offline evaluation of the same %,d events (%,d cases, in memory): %.2f s;"
                            + " service / offline: %.1f x%n",
                    limit, baseline.cases(), baseline.seconds(), evaluation / baseline.seconds());
        }
        return true;
    }

    private record OfflineRun(long cases, double seconds) {}

    /** What {@code supervise} takes to evaluate the first {@code limit} lines at the same moment: the baseline. */
    private static OfflineRun offlineEvaluation(Path bundle, Path events, long limit) throws IOException {
        var head = new StringBuilder();
        try (var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line; n < limit && (line = reader.readLine()) != null; n++) {
                head.append(line).append('\n');
            }
        }
        try (var bundleIn = Files.newInputStream(bundle)) {
            var report = new OfflineSupervision(WorkingDays.shipped(), ZONE, 2)
                    .run(bundleIn, new java.io.BufferedReader(new java.io.StringReader(head.toString())), AT);
            return new OfflineRun(report.cases(), report.evaluateNanos() / 1e9);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void writeBundle(Path file, int units, int items) throws IOException {
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
    private static long writeEvents(Path file, int cases, int units, int items) throws IOException {
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
