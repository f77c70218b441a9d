package org.dutygraph.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.supervision.OfflineSupervision;

/**
 * A year of one city's case events (1,000,000 cases, about 6 events each, as JSON lines; {@link SupervisionYear}).
 *
 * <p>Stage 1, in memory as {@code supervise} runs: reading the file alone (the baseline: what any tool must do), then
 * reading, checking and keeping the events, then evaluating every case at the year's end (timed, no target: the 5 s
 * target is for the open cases at a moment, which stage 2 measures); events per second and the ratio to the baseline.
 *
 * <p>Stage 2, the service in operation ({@link SupervisionService#operate}): the first {@code --service-cases} cases'
 * events through the batch intake day by day in time order with periodic evaluations on a simulated clock (every
 * {@code --evaluate-every-days}), then one timed evaluation of the cases open at the moment, against the 5 s target.
 *
 * <p>Stage 3, the backlog catch-up ({@link SupervisionService#backlog}): the first {@code --backlog-cases} cases stored
 * without evaluations, then the one evaluation that writes the whole year's signals, timed with no target. A size of
 * 0 skips a service stage.
 */
final class SupervisionBenchmark implements Benchmark {

    static final double INGEST_TARGET_PER_SECOND = 20_000;
    static final double EVALUATION_TARGET_SECONDS = 5;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String MOMENT = "2026-12-31T12:00:00";
    private static final Instant AT = OffsetDateTime.parse(MOMENT + "+08:00").toInstant();

    private final PrintStream out;

    SupervisionBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        int cases = Integer.parseInt(options.getOrDefault("cases", "1000000"));
        int units = Integer.parseInt(options.getOrDefault("units", "200"));
        int items = Integer.parseInt(options.getOrDefault("items", "500"));
        int serviceCases = Integer.parseInt(options.getOrDefault("service-cases", "200000"));
        int every = Integer.parseInt(options.getOrDefault("evaluate-every-days", "7"));
        int backlogCases = Integer.parseInt(options.getOrDefault("backlog-cases", "50000"));
        int batchLines = Integer.parseInt(options.getOrDefault("batch-lines", "1000"));
        var work = BenchmarkSupport.tempDirectory("dutygraph-supervision-bench");
        var bundle = work.resolve("city.json");
        var events = work.resolve("events.jsonl");
        SupervisionYear.writeBundle(bundle, units, items);
        long lines = SupervisionYear.writeEvents(events, cases, units, items);
        out.printf("generated %,d cases, %,d events (%,d MB)%n", cases, lines, Files.size(events) >> 20);

        double readLinesPerSecond = read(events, lines);
        boolean ok = offline(bundle, events, readLinesPerSecond);
        var service = new SupervisionService(out, bundle, ZONE, AT, batchLines);
        if (serviceCases > 0) {
            var slice = SupervisionYear.slice(events, Math.min(cases, serviceCases), MOMENT, work.resolve("operation"));
            ok &= service.operate(
                    work.resolve("store"), slice, Math.min(cases, serviceCases), every, readLinesPerSecond);
        } else {
            out.println("the service intake and the evaluation of open cases are not measured (--service-cases 0)");
            ok = false;
        }
        if (backlogCases > 0) {
            var slice = SupervisionYear.slice(events, Math.min(cases, backlogCases), MOMENT, work.resolve("backlog"));
            service.backlog(work.resolve("backlog-store"), slice, Math.min(cases, backlogCases));
        }
        out.printf("all targets: %s%n", ok ? "met" : "NOT met");
        return ok ? 0 : 1;
    }

    /** Reading the file alone: lines per second. */
    private double read(Path events, long lines) throws IOException {
        long started = System.nanoTime();
        long chars = 0;
        try (var reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) chars += line.length();
        }
        double readSeconds = seconds(started);
        out.printf(
                "baseline, reading the file alone: %.2f s (%,.0f lines/s, %,d chars)%n",
                readSeconds, lines / readSeconds, chars);
        return lines / readSeconds;
    }

    private boolean offline(Path bundle, Path events, double readLinesPerSecond) throws IOException {
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
                ingest / (report.eventsKept() / readLinesPerSecond),
                report.eventsKept(),
                report.lineProblems().size());
        out.printf(
                "evaluation of all %,d cases at %s: %.2f s, %,d signals (%,d not cleared); every case of the year,"
                        + " concluded or open, as supervise prints them: no target (the %.0f s target is for the open"
                        + " cases at a moment, measured in the service below)%n",
                report.cases(),
                AT,
                evaluate,
                report.signals().size(),
                report.signals().stream().filter(s -> s.clearedAt() == null).count(),
                EVALUATION_TARGET_SECONDS);
        boolean ok =
                perSecond >= INGEST_TARGET_PER_SECOND && report.lineProblems().isEmpty();
        out.printf(
                "offline target (ingest >= %,.0f events/s, every line kept): %s%n",
                INGEST_TARGET_PER_SECOND, ok ? "met" : "NOT met");
        return ok;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
