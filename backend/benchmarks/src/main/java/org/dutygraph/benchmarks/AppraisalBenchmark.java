package org.dutygraph.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.AppraisalComputation;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.engine.Period;
import org.neo4j.driver.Driver;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appraisal recomputation benchmark: a year of 12 monthly periods for 100,000 staff in 500
 * departments, on a fresh embedded store: the departments' monthly scheme, the staff's monthly scheme
 * linked to it (30% department, 60% post, 10% other work, bonus and malus), the staff's annual scheme
 * (the months rolled up, with its eligibility rule), events (violations with bundled penalties, serious
 * complaints). Times the whole recomputation (reading inputs, computing, writing a new run, removing
 * the old) twice; baselines in the same process: reading the year's score sheets alone, and writing the
 * run's result rows with a plain bulk write (UNWIND CREATE in transactions of 10,000, the batch the
 * recomputation uses), against the recomputation's write phase. Memory: the heap in use after each
 * collection during a recomputation (target: at most half the heap) and the process's resident set.
 */
final class AppraisalBenchmark implements Benchmark {

    static final double TARGET_SECONDS = 30;
    private static final int WRITE_BATCH = 10_000;
    private static final int YEAR = 2030;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;

    AppraisalBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        int staff = Integer.parseInt(options.getOrDefault("staff", "100000"));
        int units = Integer.parseInt(options.getOrDefault("units", "500"));
        var store = BenchmarkSupport.tempDirectory("dutygraph-appraisal-bench");
        try (var context = BenchmarkSupport.start(store, "1g")) {
            var driver = context.getBean(Driver.class);
            long setup = System.nanoTime();
            organisation(driver, staff, units);
            sheets(driver, staff, units);
            events(driver, staff);
            var schemes = context.getBean(AppraisalSchemes.class);
            for (var id : List.of("unit-monthly", "staff-monthly", "staff-annual")) {
                try (var in = new ClassPathResource("appraisal/templates/" + id + ".json").getInputStream()) {
                    var saved = schemes.save(
                            id, JSON.readValue(in, Object.class), YEAR + "-01", "inForceFrom", "benchmark");
                    if (!saved.errors().isEmpty()) {
                        throw new IllegalStateException(saved.errors().toString());
                    }
                }
            }
            out.printf(
                    "SETUP %d staff, %d departments, %d score sheets in %.1f s%n",
                    staff, units, (staff + units + 1) * 12, (System.nanoTime() - setup) / 1e9);
            var computation = context.getBean(AppraisalComputation.class);
            long read = System.nanoTime();
            int rows = 0;
            for (int m = 1; m <= 12; m++) {
                rows += readSheets(driver, Period.month(YEAR, m));
            }
            double readSeconds = (System.nanoTime() - read) / 1e9;
            out.printf("BASELINE reading the year's %d score sheets: %.1f s%n", rows, readSeconds);
            double worst = 0;
            long worstLive = 0;
            long writeMillis = 0;
            AppraisalComputation.Summary last = null;
            for (int run = 1; run <= 2; run++) {
                AppraisalComputation.Summary summary;
                try (var heap = HeapGauge.start()) {
                    summary = computation.recompute(YEAR);
                    worstLive = Math.max(worstLive, heap.liveMiB());
                    out.printf("MEMORY recompute %d: %s; resident %s%n", run, heap.summary(), resident());
                }
                last = summary;
                if (run == 1) { // the second run's write phase also deletes the first run's rows
                    writeMillis = summary.phaseMillis().get("write");
                }
                double seconds = summary.millis() / 1000.0;
                worst = Math.max(worst, seconds);
                out.printf(
                        "RECOMPUTE %d (%s): %d schemes, %d subjects, %d results in %.1f s (target %.0f s, ratio %.2f; "
                                + "ratio to reading the inputs %.1f); ms by phase %s%n",
                        run,
                        run == 1 ? "first run" : "replacing the first",
                        summary.schemes(),
                        summary.subjects(),
                        summary.results(),
                        seconds,
                        TARGET_SECONDS,
                        seconds / TARGET_SECONDS,
                        seconds / readSeconds,
                        new java.util.TreeMap<>(summary.phaseMillis()));
            }
            // the second run replaced the first: the year holds its results only, all of them
            long yearRows =
                    count(driver, "MATCH (r:AppraisalResult {year: $year}) RETURN count(r) AS n", Map.of("year", YEAR));
            long currentRows = count(
                    driver,
                    "MATCH (r:AppraisalResult {runId: $run}) RETURN count(r) AS n",
                    Map.of("run", last.runId()));
            boolean replaced = yearRows == last.results() && currentRows == last.results();
            out.printf(
                    "CHECK after the second run: %,d result nodes in the year, %,d of the current run, %,d written: %s%n",
                    yearRows, currentRows, last.results(), replaced ? "the replaced run is gone" : "WRONG");
            double bulk = plainBulkWrite(driver, last.runId());
            out.printf(
                    "BASELINE plain bulk write of the run's %d result rows (UNWIND CREATE, %,d per transaction): %.1f s; "
                            + "the first recomputation's write phase %.1f s, ratio %.2f%n",
                    last.results(), WRITE_BATCH, bulk, writeMillis / 1000.0, writeMillis / 1000.0 / bulk);
            boolean fast = worst <= TARGET_SECONDS;
            boolean lean = worstLive <= HeapGauge.maxHeapMiB() / 2;
            out.printf(
                    "TARGETS recompute <= %.0f s: %s (worst %.1f s); heap live after GC <= half the heap (%,d MiB): %s "
                            + "(worst %,d MiB)%n",
                    TARGET_SECONDS,
                    fast ? "met" : "NOT met",
                    worst,
                    HeapGauge.maxHeapMiB() / 2,
                    lean ? "met" : "NOT met",
                    worstLive);
            boolean ok = fast && lean && replaced;
            out.println(ok ? "PASS" : "FAIL");
            return ok ? 0 : 1;
        }
    }

    /**
     * Reads the current run's rows (not timed), then times writing them again as plain nodes of another label in
     * transactions of {@link #WRITE_BATCH}, and removes them.
     */
    private static double plainBulkWrite(Driver driver, String runId) {
        List<Map<String, Object>> rows;
        try (var session = driver.session()) {
            rows = session.executeRead(
                    tx -> tx.run("MATCH (r:AppraisalResult {runId: $run}) RETURN r {.*} AS r", Map.of("run", runId))
                            .list(r -> r.get("r").asMap()));
        }
        long started = System.nanoTime();
        try (var session = driver.session()) {
            for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
                var batch = rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH));
                session.executeWriteWithoutResult(
                        tx -> tx.run("UNWIND $rows AS r CREATE (b:BenchmarkBulkRow) SET b = r", Map.of("rows", batch))
                                .consume());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (var session = driver.session()) {
            session.run("MATCH (b:BenchmarkBulkRow) CALL (b) { DELETE b } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
        return seconds;
    }

    private static long count(Driver driver, String query, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(query, params).single().get("n").asLong();
        }
    }

    /** The process's resident set now and at its peak, from /proc (Linux); "unknown" elsewhere. */
    private static String resident() {
        try {
            var status = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"));
            return status.stream()
                            .filter(l -> l.startsWith("VmRSS:"))
                            .findFirst()
                            .map(l -> l.substring(6).trim())
                            .orElse("?")
                    + " (peak "
                    + status.stream()
                            .filter(l -> l.startsWith("VmHWM:"))
                            .findFirst()
                            .map(l -> l.substring(6).trim())
                            .orElse("?")
                    + ")";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static int readSheets(Driver driver, Period period) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                            "MATCH (s:ScoreSheet {period: $p}) RETURN s.subjectId AS s, s.codes AS c, s.values AS v",
                            Map.of("p", period.toString()))
                    .list()
                    .size());
        }
    }

    private static void organisation(Driver driver, int staff, int units) {
        try (var session = driver.session()) {
            session.run("""
                    CREATE (g:Organization {id: 'bgov', name: '基准市人民政府', classification: 'government'})
                    WITH g UNWIND range(0, $units - 1) AS d
                    CREATE (:Organization {id: 'bd' + d, name: '部门' + d, classification: 'department'})-[:PART_OF]->(g)""", Map.of("units", units)).consume();
            session.run("""
                    UNWIND range(0, $staff - 1) AS i
                    CALL (i) {
                      MATCH (o:Organization {id: 'bd' + (i % $units)})
                      CREATE (:Person {id: 'bp' + i, name: '人员' + i})-[:HOLDS {startDate: '2020-01-01'}]->
                             (:Post {id: 'bpost' + i, label: '岗位', role: 'staff'})-[:IN_ORG]->(o)
                    } IN TRANSACTIONS OF 10000 ROWS""", Map.of("staff", staff, "units", units)).consume();
        }
    }

    /** Scores spread over the bands, deterministic. */
    private static void sheets(Driver driver, int staff, int units) {
        try (var session = driver.session()) {
            for (int m = 1; m <= 12; m++) {
                var period = Period.month(YEAR, m).toString();
                session.run("""
                        UNWIND range(0, $staff - 1) AS i
                        CALL (i) {
                          CREATE (:ScoreSheet {key: 'bp' + i + '|' + $period, subjectId: 'bp' + i, period: $period, year: $year,
                                  codes: ['post', 'other-work', 'innovation'],
                                  values: [toString(55 + (i * 7 + $m * 13) % 46), toString(60 + (i * 11 + $m) % 41),
                                           CASE WHEN i % 50 = 0 THEN '2' ELSE '0' END]})
                        } IN TRANSACTIONS OF 20000 ROWS""", Map.of("staff", staff, "period", period, "year", YEAR, "m", m))
                        .consume();
                session.run("""
                        UNWIND [u IN range(0, $units - 1) | 'bd' + u] + ['bgov'] AS id
                        CREATE (:ScoreSheet {key: id + '|' + $period, subjectId: id, period: $period, year: $year,
                                codes: ['citizen-service', 'other-business', 'team-building'],
                                values: [toString(70 + size(id) * $m % 30), '85', '90']})""", Map.of("units", units, "period", period, "year", YEAR, "m", m))
                        .consume();
            }
        }
    }

    private static void events(Driver driver, int staff) {
        try (var session = driver.session()) {
            session.run("""
                    UNWIND range(1, 300) AS n
                    CREATE (:AppraisalEvent {id: 'be' + n, subjectId: 'bp' + (n * 331 % $staff),
                            period: $year + '-' + right('0' + toString(1 + n % 12), 2), year: $year,
                            kind: CASE WHEN n % 3 = 0 THEN 'SERIOUS_COMPLAINT' ELSE 'VIOLATION' END, months: 1 + n % 3,
                            source: 'benchmark', at: timestamp()})""", Map.of("staff", staff, "year", YEAR)).consume();
        }
    }
}
