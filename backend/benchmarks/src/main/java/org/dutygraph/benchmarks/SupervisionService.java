package org.dutygraph.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.supervision.OfflineSupervision;
import org.dutygraph.supervision.SignalEvaluation;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The supervision benchmark's service stages, each on a fresh store with the city imported.
 *
 * <p>In operation ({@link #operate}): the first cases' events arrive day by day in time order, as systems send them:
 * {@code POST /supervision/events} over HTTP with a system's credentials, a day's lines in requests of at most
 * {@code batchLines} lines (the client in the same process, so its work counts against the intake), and the evaluation runs on a simulated clock at the start of every {@code every}-th
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

    /** The benchmark's system and its secret (the service is configured with the secret's SHA-256). */
    private static final String SYSTEM = "bench";

    private static final String SECRET = "bench-secret";

    /** The service's page cache in these stages (the application's default is 512m). */
    private static final String PAGE_CACHE = "1g";

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final PrintStream out;
    private final Path bundle;
    private final ZoneId zone;
    private final Instant moment;
    private final int batchLines;
    private final HttpClient http = HttpClient.newHttpClient();
    private long requests;

    SupervisionService(PrintStream out, Path bundle, ZoneId zone, Instant moment, int batchLines) {
        this.out = out;
        this.bundle = bundle;
        this.zone = zone;
        this.moment = moment;
        this.batchLines = batchLines;
    }

    /** @param baselineLinesPerSecond reading the file alone, for the intake's ratio */
    boolean operate(Path store, SupervisionYear.Slice slice, int cases, int every, double baselineLinesPerSecond)
            throws Exception {
        var momentDay = moment.atZone(zone).toLocalDate();
        try (var context = start(store)) {
            var port = port(context);
            var evaluation = context.getBean(SignalEvaluation.class);
            long intakeNanos = 0;
            long intakeCpuNanos = 0;
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
                    long cpu = processCpuNanos();
                    kept += ingest(port, lines);
                    intakeNanos += System.nanoTime() - started;
                    intakeCpuNanos += processCpuNanos() - cpu;
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
            long posted = requests;
            double perSecond = kept / intakeSeconds;
            boolean intakeMet = perSecond >= SupervisionBenchmark.INGEST_TARGET_PER_SECOND;
            out.printf(
                    "service in operation: the first %,d cases, %,d events up to %s fed day by day in time order"
                            + " (%,d later ones not yet arrived), evaluated at the start of every %d simulated day(s)%n",
                    cases, slice.upToMoment(), moment, slice.afterMoment(), every);
            out.printf(
                    "service intake (HTTP POST /supervision/events, a day's lines in requests of at most %,d lines:"
                            + " %,d requests, %,.0f lines each on average): %,d events in %.2f s, %,.0f events/s,"
                            + " %.1f x the time reading the same lines alone takes; target >= %,.0f events/s: %s%n",
                    batchLines,
                    posted,
                    (double) kept / posted,
                    kept,
                    intakeSeconds,
                    perSecond,
                    intakeSeconds / (kept / baselineLinesPerSecond),
                    SupervisionBenchmark.INGEST_TARGET_PER_SECOND,
                    intakeMet ? "met" : "NOT met");
            out.printf(
                    "service intake's CPU (the whole process, its client included, while the requests ran): %.2f s,"
                            + " %,.0f events per CPU-second (%.0f%% of %d cores; less moved by other processes on the"
                            + " machine than the time)%n",
                    intakeCpuNanos / 1e9,
                    kept / (intakeCpuNanos / 1e9),
                    100.0 * intakeCpuNanos / intakeNanos / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
            out.printf(
                    "store on disk after the intake: %,d MB, of which %,d MB transaction logs (not paged; store files"
                            + " as of the last checkpoint; page cache %s)%n",
                    BenchmarkSupport.bytes(store, "") >> 20,
                    BenchmarkSupport.bytes(store, "/transactions/") >> 20,
                    PAGE_CACHE);
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
            return met && intakeMet;
        }
    }

    /** The CPU time this process has used, all threads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    void backlog(Path store, SupervisionYear.Slice slice, int cases) throws Exception {
        try (var context = start(store)) {
            long kept = 0;
            long started = System.nanoTime();
            var port = port(context);
            try (var reader = Files.newBufferedReader(slice.all(), StandardCharsets.UTF_8)) {
                var batch = new java.util.ArrayList<String>(batchLines);
                for (String line; (line = reader.readLine()) != null; ) {
                    batch.add(line);
                    if (batch.size() == batchLines) {
                        kept += ingest(port, batch);
                        batch.clear();
                    }
                }
                kept += ingest(port, batch);
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

    private ConfigurableApplicationContext start(Path store) throws Exception {
        var context = BenchmarkSupport.start(
                store,
                PAGE_CACHE,
                "--dutygraph.supervision.evaluate-interval=24h",
                "--dutygraph.supervision.systems[0].id=" + SYSTEM,
                "--dutygraph.supervision.systems[0].secret-sha256="
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(SECRET.getBytes(StandardCharsets.UTF_8))));
        BenchmarkSupport.importFile(context.getBean(BundleImportService.class), bundle);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Posts the lines as a system does, {@code batchLines} at a time; every line must be kept. */
    private long ingest(int port, List<String> lines) throws IOException, InterruptedException {
        long kept = 0;
        var credentials =
                java.util.Base64.getEncoder().encodeToString((SYSTEM + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        for (int from = 0; from < lines.size(); from += batchLines) {
            var body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + batchLines)));
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/supervision/events"))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Basic " + credentials)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.path("problems").isEmpty()) {
                throw new IllegalStateException("rejected: " + response.statusCode() + " " + response.body());
            }
            kept += answer.path("kept").asLong();
            requests++;
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
