package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Period;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Component;

/**
 * Score sheets, events and results in the graph. Results of a year are one node per scheme and subject,
 * holding the year's periods side by side; a recomputation writes a new run in batches and switches the
 * year's AppraisalRun to it only when all of it is written, then removes the old run.
 */
@Component
public class AppraisalStore {

    private static final int BATCH = 10_000;

    public record Event(Period month, String kind, int months) {
    }

    /** One subject's results under one scheme in one year, period by period. */
    public record YearResult(String schemeId, String subjectId, int year, List<String> periods, List<Integer> versions,
                             List<String> scores, List<String> grades, List<Integer> ranks, List<String> multipliers,
                             List<String> flags, String key) {

        /** Only the periods named (all when null). */
        public YearResult only(java.util.Set<String> wanted) {
            if (wanted == null) {
                return this;
            }
            var at = new ArrayList<Integer>();
            for (int i = 0; i < periods.size(); i++) {
                if (wanted.contains(periods.get(i))) {
                    at.add(i);
                }
            }
            return new YearResult(schemeId, subjectId, year, pick(periods, at), pick(versions, at), pick(scores, at), pick(grades, at),
                    pick(ranks, at), pick(multipliers, at), pick(flags, at), key);
        }

        private static <T> List<T> pick(List<T> list, List<Integer> at) {
            return at.stream().map(list::get).toList();
        }
    }

    private final Driver driver;
    private final Clock clock;

    AppraisalStore(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    /** subject -> code -> value, for one period. */
    Map<String, Map<String, BigDecimal>> sheets(Period period) {
        var sheets = new HashMap<String, Map<String, BigDecimal>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("MATCH (s:ScoreSheet {period: $period}) RETURN s.subjectId AS subject, s.codes AS codes, s.values AS values",
                        Map.of("period", period.toString())).forEachRemaining(r -> {
                            var codes = r.get("codes").asList(Value::asString);
                            var values = r.get("values").asList(Value::asString);
                            var map = new HashMap<String, BigDecimal>(codes.size() * 2);
                            for (int i = 0; i < codes.size(); i++) {
                                map.put(codes.get(i), new BigDecimal(values.get(i)));
                            }
                            sheets.put(r.get("subject").asString(), map);
                        });
                return null;
            });
        }
        return sheets;
    }

    /**
     * subject -> events in effect in the year: those of the year, and those of the year before that still run
     * into it (an event lasts at most 12 months, so none from earlier does).
     */
    Map<String, List<Event>> events(int year) {
        var events = new HashMap<String, List<Event>>();
        var january = Period.month(year, 1);
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (e:AppraisalEvent) WHERE e.year IN [$year - 1, $year] AND e.withdrawnAt IS NULL
                        RETURN e.subjectId AS s, e.period AS p, e.kind AS k, e.months AS m""",
                        Map.of("year", year)).forEachRemaining(r -> {
                            var event = new Event(Period.parse(r.get("p").asString()), r.get("k").asString(), r.get("m").asInt(1));
                            if (event.month().plusMonths(event.months() - 1).compareTo(january) >= 0) {
                                events.computeIfAbsent(r.get("s").asString(), k -> new ArrayList<>()).add(event);
                            }
                        });
                return null;
            });
        }
        return events;
    }

    private final Map<String, Map<String, List<String>>> pastGrades = new java.util.concurrent.ConcurrentHashMap<>();

    /** subject -> grades under the scheme in the years before {@code year} (current runs), cached per call shape. */
    Map<String, List<String>> pastGrades(String schemeId, int year, int years) {
        return pastGrades.computeIfAbsent(schemeId + "|" + year + "|" + years, k -> {
            var grades = new HashMap<String, List<String>>();
            try (var session = driver.session()) {
                session.executeRead(tx -> tx.run("""
                        MATCH (run:AppraisalRun) WHERE run.year >= $from AND run.year < $year
                        MATCH (r:AppraisalResult {schemeId: $scheme, year: run.year}) WHERE r.runId = run.current
                        RETURN r.subjectId AS s, r.grades AS g""", Map.of("from", year - years, "year", year, "scheme", schemeId))
                        .list()).forEach(r -> grades.computeIfAbsent(r.get("s").asString(), x -> new ArrayList<>())
                        .addAll(r.get("g").asList(Value::asString)));
            }
            return grades;
        });
    }

    int replaceResults(int year, String runId, Collection<AppraisalComputation.Computed> computed) {
        var bySubject = new HashMap<String, Map<String, Object>>();
        for (var c : computed.stream().sorted(java.util.Comparator.comparing(c -> c.period().toString())).toList()) {
            for (var o : c.outcomes().values()) {
                var key = c.scheme().id() + "|" + o.subjectId() + "|" + year + "|" + runId;
                var row = bySubject.computeIfAbsent(key, k -> newRow(k, c.scheme().id(), o.subjectId()));
                add(row, "periods", c.period().toString());
                add(row, "versions", c.scheme().version());
                add(row, "scores", o.score().stripTrailingZeros().toPlainString());
                add(row, "grades", o.grade());
                add(row, "ranks", o.rank());
                add(row, "multipliers", o.multiplier().toPlainString());
                add(row, "flags", String.join("\n", o.flags()));
            }
        }
        var rows = new ArrayList<>(bySubject.values());
        try (var session = driver.session()) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS r
                        CREATE (:AppraisalResult {key: r.key, runId: $run, year: $year, schemeId: r.schemeId, subjectId: r.subjectId,
                                periods: r.periods, versions: r.versions, scores: r.scores, grades: r.grades, ranks: r.ranks,
                                multipliers: r.multipliers, flags: r.flags})""",
                        Map.of("rows", batch, "run", runId, "year", year)).consume());
            }
            pastGrades.clear();
            var previous = session.executeWrite(tx -> tx.run("""
                    MERGE (run:AppraisalRun {year: $year})
                    WITH run, run.current AS previous SET run.current = $run, run.at = $now
                    RETURN previous""", Map.of("year", year, "run", runId, "now", clock.millis())).single().get("previous").asString(null));
            // only the run this one replaced: another recomputation may be writing its own run right now
            if (previous != null) {
                session.run("""
                        MATCH (r:AppraisalResult {year: $year}) WHERE r.runId = $previous
                        CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS""", Map.of("year", year, "previous", previous)).consume();
            }
        }
        return rows.size();
    }

    private static Map<String, Object> newRow(String key, String schemeId, String subjectId) {
        var row = new HashMap<String, Object>();
        row.put("key", key);
        row.put("schemeId", schemeId);
        row.put("subjectId", subjectId);
        for (var list : List.of("periods", "versions", "scores", "grades", "ranks", "multipliers", "flags")) {
            row.put(list, new ArrayList<>());
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> row, String list, Object value) {
        ((List<Object>) row.get(list)).add(value);
    }

    /** The current run's results of a subject in a year, all schemes. */
    public List<YearResult> ofSubject(String subjectId, int year) {
        return read("MATCH (r:AppraisalResult {subjectId: $subject, year: $year})", Values.parameters("subject", subjectId,
                "year", year, "after", null, "limit", 1000));
    }

    /** The current run's results under a scheme in a year, subjects in id order, keyset paged. */
    public List<YearResult> ofScheme(String schemeId, int year, List<String> subjects, String after, int limit) {
        return ofScheme(schemeId, year, subjects, null, after, limit);
    }

    /** As above, only subjects with a result in one of {@code periods} (any when null). */
    public List<YearResult> ofScheme(String schemeId, int year, List<String> subjects, java.util.Set<String> periods, String after,
                                     int limit) {
        return read("""
                MATCH (r:AppraisalResult {schemeId: $scheme, year: $year}) WHERE ($subjects IS NULL OR r.subjectId IN $subjects)
                  AND ($periods IS NULL OR any(p IN r.periods WHERE p IN $periods))""",
                Values.parameters("scheme", schemeId, "year", year, "subjects", subjects, "periods",
                        periods == null ? null : List.copyOf(periods), "after", after, "limit", limit));
    }

    private List<YearResult> read(String match, Value params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(match + """
                     MATCH (run:AppraisalRun {year: r.year}) WHERE r.runId = run.current
                      AND ($after IS NULL OR r.schemeId + '|' + r.subjectId > $after)
                    RETURN r ORDER BY r.schemeId, r.subjectId LIMIT $limit""", params).list(rec -> {
                var r = rec.get("r").asNode();
                return new YearResult(r.get("schemeId").asString(), r.get("subjectId").asString(), r.get("year").asInt(),
                        r.get("periods").asList(Value::asString), r.get("versions").asList(Value::asInt),
                        r.get("scores").asList(Value::asString), r.get("grades").asList(Value::asString),
                        r.get("ranks").asList(Value::asInt), r.get("multipliers").asList(Value::asString),
                        r.get("flags").asList(Value::asString), r.get("schemeId").asString() + "|" + r.get("subjectId").asString());
            }));
        }
    }
}
