package org.dutygraph.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.supervision.CaseEventIntake;
import org.dutygraph.supervision.OfflineSupervision;
import org.dutygraph.supervision.SignalEvaluation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The supervision benchmark's service stages, each on a fresh store with the city imported.
 *
 * <p>In operation ({@link #operate}): the first cases' events arrive day by day in time order through the batch
 * intake (batches of 10,000), and the evaluation runs on a simulated clock at the start of every {@code every}-th
 * simulated day and at the start of the moment's day, as {@code SignalEvaluationJob} does every few minutes; then
 * the moment's day's events up to the moment, and the one timed evaluation at the moment. A simulated clock rather
 * than the events file sorted and cut at arbitrary batches: what an evaluation at a moment has to do depends only on
 * which cases are open then and which signals fell due since the last run, and a clock gives both as in operation;
 * the interval is days, not minutes, only to keep the run short, and it errs against the service: the timed run
 * writes the signals of half a day (the last run was at midnight), where the job's writes five minutes' worth.
 *
 * <p>Backlog ({@link #backlog}): the first cases' events stored in file order without any evaluation, then one
 * evaluation of them all at the moment: what an operator importing a year of history meets once (every signal of
 * the year stored, notified and its red cards turned into draft cases). Timed, with no target.
 */
final class SupervisionService {

    private static final int BATCH = 10_000;

    private final PrintStream out;
    private final Path bundle;
    private final ZoneId zone;
    private final Instant moment;

    SupervisionService(PrintStream out, Path bundle, ZoneId zone, Instant moment) {
        this.out = out;
        this.bundle = bundle;
        this.zone = zone;
        this.moment = moment;
    }

    /** @param baselineLinesPerSecond reading the file alone, for the intake's ratio */
    boolean operate(Path store, SupervisionYear.Slice slice, int cases, int every, double baselineLinesPerSecond)
            throws Exception {
        var momentDay = moment.atZone(zone).toLocalDate();
        try (var context = start(store)) {
            var intake = context.getBean(CaseEventIntake.class);
            var evaluation = context.getBean(SignalEvaluation.class);
            long intakeNanos = 0;
            long kept = 0;
            int runs = 0;
            long evaluationNanos = 0;
            long longest = 0;
            long raised = 0;
            var first = slice.byDay().firstKey();
            for (var day = first; !day.isAfter(momentDay); day = day.plusDays(1)) {
                var file = slice.byDay().get(day);
                if (file != null) {
                    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    long started = System.nanoTime();
                    kept += ingest(intake, lines);
                    intakeNanos += System.nanoTime() - started;
                }
                var next = day.plusDays(1);
                boolean due = (day.toEpochDay() - first.toEpochDay() + 1) % every == 0 || next.equals(momentDay);
                if (day.isBefore(momentDay) && due) {
                    long started = System.nanoTime();
                    raised += evaluation
                            .evaluate(next.atStartOfDay(zone).toInstant())
                            .raised();
                    long took = System.nanoTime() - started;
                    evaluationNanos += took;
                    longest = Math.max(longest, took);
                    runs++;
                }
            }
            double intakeSeconds = intakeNanos / 1e9;
            double perSecond = kept / intakeSeconds;
            boolean intakeMet = perSecond >= SupervisionBenchmark.INGEST_TARGET_PER_SECOND;
            out.printf(
                    "service in operation: the first %,d cases, %,d events up to %s fed day by day in time order"
                            + " (%,d later ones not yet arrived), evaluated at the start of every %d simulated day(s)%n",
                    cases, slice.upToMoment(), moment, slice.afterMoment(), every);
            out.printf(
                    "service intake (batches of %,d into the graph): %,d events in %.2f s, %,.0f events/s,"
                            + " %.1f x the time reading the same lines alone takes; target >= %,.0f events/s: %s%n",
                    BATCH,
                    kept,
                    intakeSeconds,
                    perSecond,
                    intakeSeconds / (kept / baselineLinesPerSecond),
                    SupervisionBenchmark.INGEST_TARGET_PER_SECOND,
                    intakeMet ? "met" : "NOT met");
            out.printf(
                    "periodic evaluations before the moment: %d runs, %.2f s in all, longest %.2f s, %,d signals%n",
                    runs, evaluationNanos / 1e9, longest / 1e9, raised);

            long started = System.nanoTime();
            var run = evaluation.evaluate(moment);
            double seconds = seconds(started);
            boolean met = seconds < SupervisionBenchmark.EVALUATION_TARGET_SECONDS;
            out.printf(
                    "EVALUATION AT THE MOMENT %s (last run at the start of its day): %,d open cases (%,d of them quiet,"
                            + " not read), %,d signals raised (%,d cleared, %,d cases closed), %.2f s; target < %.0f s:"
                            + " %s%n",
                    moment,
                    run.cases(),
                    run.settled(),
                    run.raised(),
                    run.cleared(),
                    run.closed(),
                    seconds,
                    SupervisionBenchmark.EVALUATION_TARGET_SECONDS,
                    met ? "met" : "NOT met");
            var offline = offline(slice.all());
            out.printf(
                    "baseline, the offline evaluation of the same %,d cases in memory (every case, not only open ones):"
                            + " %.2f s; service / offline: %.1f x%n",
                    offline.cases(), offline.seconds(), seconds / offline.seconds());
            if (cases < 1_000_000) {
                double scale = 1_000_000.0 / cases;
                out.printf(
                        "extrapolated to 1,000,000 cases (linear in the open cases): ~%,.0f open cases, ~%.1f s%n",
                        run.cases() * scale, seconds * scale);
            }
            return met;
        }
    }

    void backlog(Path store, SupervisionYear.Slice slice, int cases) throws Exception {
        try (var context = start(store)) {
            long kept = 0;
            long started = System.nanoTime();
            var intake = context.getBean(CaseEventIntake.class);
            try (var reader = Files.newBufferedReader(slice.all(), StandardCharsets.UTF_8)) {
                var batch = new java.util.ArrayList<String>(BATCH);
                for (String line; (line = reader.readLine()) != null; ) {
                    batch.add(line);
                    if (batch.size() == BATCH) {
                        kept += ingest(intake, batch);
                        batch.clear();
                    }
                }
                kept += ingest(intake, batch);
            }
            double intakeSeconds = seconds(started);
            started = System.nanoTime();
            var run = context.getBean(SignalEvaluation.class).evaluate(moment);
            double seconds = seconds(started);
            long drafts = context.getBean(Neo4jClient.class)
                    .query("MATCH (c:AccountabilityCase {sourceKind: 'E_SUPERVISION'}) RETURN count(c) AS n")
                    .fetchAs(Long.class)
                    .one()
                    .orElse(0L);
            out.printf(
                    "backlog catch-up (no target: the first evaluation of a store that never ran one, as after importing"
                            + " history): the first %,d cases, %,d events stored in %.2f s (%,.0f events/s), then one"
                            + " evaluation at %s of %,d open cases: %,d signals stored and notified, %,d red-card draft"
                            + " cases, %.2f s%n",
                    cases,
                    kept,
                    intakeSeconds,
                    kept / intakeSeconds,
                    moment,
                    run.cases(),
                    run.raised(),
                    drafts,
                    seconds);
        }
    }

    private ConfigurableApplicationContext start(Path store) throws IOException {
        var context = BenchmarkSupport.start(store, "1g", "--dutygraph.supervision.evaluate-interval=24h");
        BenchmarkSupport.importFile(context.getBean(BundleImportService.class), bundle);
        return context;
    }

    private static long ingest(CaseEventIntake intake, List<String> lines) throws IOException {
        long kept = 0;
        for (int from = 0; from < lines.size(); from += BATCH) {
            var body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + BATCH)));
            var result = intake.ingest("bench", new StringReader(body));
            if (!result.problems().isEmpty()) throw new IllegalStateException("rejected: " + result.problems());
            kept += result.kept();
        }
        return kept;
    }

    private record OfflineRun(long cases, double seconds) {}

    private OfflineRun offline(Path lines) throws IOException {
        try (var bundleIn = Files.newInputStream(bundle);
                var reader = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
            var report = new OfflineSupervision(WorkingDays.shipped(), zone, 2).run(bundleIn, reader, moment);
            return new OfflineRun(report.cases(), report.evaluateNanos() / 1e9);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
