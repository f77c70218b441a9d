package org.dutygraph.appraisal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Results in the graph. Results of a year are one {@code AppraisalResult} node per scheme and subject, holding the year's
 * periods side by side, under the id of the run that wrote them; the year's {@code AppraisalRun} names its current run.
 * Each call joins the caller's transaction when there is one, but for {@link #remove}.
 */
@Component
public class ResultStore {

    /** One subject's results under one scheme in one year, period by period. */
    public record YearResult(
            String schemeId,
            String subjectId,
            int year,
            List<String> periods,
            List<Integer> versions,
            List<String> scores,
            List<String> grades,
            List<Integer> ranks,
            List<String> multipliers,
            List<String> flags,
            String key) {

        /** Only the periods named (all when null). */
        public YearResult only(Set<String> wanted) {
            if (wanted == null) {
                return this;
            }
            var at = new ArrayList<Integer>();
            for (int i = 0; i < periods.size(); i++) {
                if (wanted.contains(periods.get(i))) {
                    at.add(i);
                }
            }
            return new YearResult(
                    schemeId,
                    subjectId,
                    year,
                    pick(periods, at),
                    pick(versions, at),
                    pick(scores, at),
                    pick(grades, at),
                    pick(ranks, at),
                    pick(multipliers, at),
                    pick(flags, at),
                    key);
        }

        private static <T> List<T> pick(List<T> list, List<Integer> at) {
            return at.stream().map(list::get).toList();
        }
    }

    private static final Label RESULT = Label.label("AppraisalResult");

    private final Neo4jClient neo4j;
    private final GraphDatabaseService inProcess;
    private final Map<String, Map<String, List<String>>> pastGrades = new ConcurrentHashMap<>();

    ResultStore(Neo4jClient neo4j, InProcessGraph inProcess) {
        this.neo4j = neo4j;
        this.inProcess = inProcess.database().orElse(null);
    }

    /**
     * subject -> grades under the scheme in the years before {@code year} (current runs), cached per call shape until
     * {@link #forgetPastGrades()}: each recomputation starts afresh, since another instance may have made a run current.
     */
    Map<String, List<String>> pastGrades(String schemeId, int year, int years) {
        return pastGrades.computeIfAbsent(schemeId + "|" + year + "|" + years, k -> {
            record Graded(String subjectId, List<String> grades) {}
            var grades = new HashMap<String, List<String>>();
            neo4j.query("""
                            MATCH (run:AppraisalRun) WHERE run.year >= $from AND run.year < $year
                            MATCH (r:AppraisalResult {schemeId: $scheme, year: run.year}) WHERE r.runId = run.current
                            RETURN r.subjectId AS s, r.grades AS g""")
                    .bindAll(Map.of("from", year - years, "year", year, "scheme", schemeId))
                    .fetchAs(Graded.class)
                    .mappedBy((types, r) ->
                            new Graded(r.get("s").asString(), r.get("g").asList(Value::asString)))
                    .all()
                    .forEach(g -> grades.computeIfAbsent(g.subjectId(), x -> new ArrayList<>())
                            .addAll(g.grades()));
            return grades;
        });
    }

    /** One subject's results under one scheme in a run, its periods in order (lists parallel to {@code periods}). */
    record RunRow(
            String key,
            String schemeId,
            String subjectId,
            List<String> periods,
            List<Integer> versions,
            List<String> scores,
            List<String> grades,
            List<Integer> ranks,
            List<String> multipliers,
            List<String> flags) {

        static RunRow empty(String key, String schemeId, String subjectId) {
            return new RunRow(
                    key,
                    schemeId,
                    subjectId,
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }

        Map<String, Object> params() {
            var row = new HashMap<String, Object>();
            row.put("key", key);
            row.put("schemeId", schemeId);
            row.put("subjectId", subjectId);
            row.put("periods", periods);
            row.put("versions", versions);
            row.put("scores", scores);
            row.put("grades", grades);
            row.put("ranks", ranks);
            row.put("multipliers", multipliers);
            row.put("flags", flags);
            return row;
        }
    }

    /**
     * Writes rows of a new run (not yet current) in a transaction of their own: through Neo4j's Java API when the store
     * is in this JVM (the same nodes and property types as {@link #create}, without Cypher and the loopback connection:
     * measured on the 100,000-staff year, see the appraisal benchmark), else with {@link #create} in {@code graph}.
     */
    void createOwnTransaction(int year, String runId, List<RunRow> rows, GraphTransactions graph) {
        if (inProcess == null) {
            graph.write(() -> create(year, runId, rows));
            return;
        }
        try (var tx = inProcess.beginTx()) {
            for (var row : rows) {
                var node = tx.createNode(RESULT);
                node.setProperty("key", row.key());
                node.setProperty("runId", runId);
                node.setProperty("year", (long) year);
                node.setProperty("schemeId", row.schemeId());
                node.setProperty("subjectId", row.subjectId());
                node.setProperty("periods", row.periods().toArray(String[]::new));
                node.setProperty("versions", longs(row.versions()));
                node.setProperty("scores", row.scores().toArray(String[]::new));
                node.setProperty("grades", row.grades().toArray(String[]::new));
                node.setProperty("ranks", longs(row.ranks()));
                node.setProperty("multipliers", row.multipliers().toArray(String[]::new));
                node.setProperty("flags", row.flags().toArray(String[]::new));
            }
            tx.commit();
        }
    }

    /** Cypher stores a list of integers as long[]: the Java API is given the same type. */
    private static long[] longs(List<Integer> values) {
        var out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Writes rows of a new run (not yet current). */
    void create(int year, String runId, List<RunRow> rows) {
        neo4j.query("""
                        UNWIND $rows AS r
                        CREATE (:AppraisalResult {key: r.key, runId: $run, year: $year, schemeId: r.schemeId, subjectId: r.subjectId,
                                periods: r.periods, versions: r.versions, scores: r.scores, grades: r.grades, ranks: r.ranks,
                                multipliers: r.multipliers, flags: r.flags})""")
                .bindAll(Map.of("rows", rows.stream().map(RunRow::params).toList(), "run", runId, "year", year))
                .run();
    }

    void forgetPastGrades() {
        pastGrades.clear();
    }

    /** Makes the run the year's current one; answers the run it replaced, if any. */
    Optional<String> makeCurrent(int year, String runId, long now) {
        pastGrades.clear();
        return neo4j.query("""
                        MERGE (run:AppraisalRun {year: $year})
                        WITH run, run.current AS previous SET run.current = $run, run.at = $now
                        RETURN previous""")
                .bindAll(Map.of("year", year, "run", runId, "now", now))
                .fetchAs(String.class)
                .mappedBy((types, r) -> r.get("previous").asString(null))
                .one();
    }

    /** Deletes a run's results in transactions of their own: call it outside a transaction. */
    void remove(int year, String runId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a run is removed in transactions of its own, outside the caller's");
        }
        neo4j.query("""
                        MATCH (r:AppraisalResult {year: $year}) WHERE r.runId = $run
                        CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS""").bindAll(Map.of("year", year, "run", runId)).run();
    }

    /** The current run's results of a subject in a year, all schemes. */
    public List<YearResult> ofSubject(String subjectId, int year) {
        var params = new HashMap<String, Object>();
        params.put("subject", subjectId);
        params.put("year", year);
        params.put("after", null);
        params.put("limit", 1000);
        return read("MATCH (r:AppraisalResult {subjectId: $subject, year: $year})", params);
    }

    /** The current run's results under a scheme in a year, subjects in id order, keyset paged. */
    public List<YearResult> ofScheme(String schemeId, int year, List<String> subjects, String after, int limit) {
        return ofScheme(schemeId, year, subjects, null, after, limit);
    }

    /** As above, only subjects with a result in one of {@code periods} (any when null). */
    public List<YearResult> ofScheme(
            String schemeId, int year, List<String> subjects, Set<String> periods, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("scheme", schemeId);
        params.put("year", year);
        params.put("subjects", subjects);
        params.put("periods", periods == null ? null : List.copyOf(periods));
        params.put("after", after);
        params.put("limit", limit);
        return read("""
                MATCH (r:AppraisalResult {schemeId: $scheme, year: $year}) WHERE ($subjects IS NULL OR r.subjectId IN $subjects)
                  AND ($periods IS NULL OR any(p IN r.periods WHERE p IN $periods))""", params);
    }

    private List<YearResult> read(String match, Map<String, Object> params) {
        return List.copyOf(neo4j.query(match + """
                         MATCH (run:AppraisalRun {year: r.year}) WHERE r.runId = run.current
                          AND ($after IS NULL OR r.schemeId + '|' + r.subjectId > $after)
                        RETURN r ORDER BY r.schemeId, r.subjectId LIMIT $limit""")
                .bindAll(params)
                .fetchAs(YearResult.class)
                .mappedBy((types, row) -> result(row.get("r").asNode()))
                .all());
    }

    private static YearResult result(Node r) {
        return new YearResult(
                r.get("schemeId").asString(),
                r.get("subjectId").asString(),
                r.get("year").asInt(),
                r.get("periods").asList(Value::asString),
                r.get("versions").asList(Value::asInt),
                r.get("scores").asList(Value::asString),
                r.get("grades").asList(Value::asString),
                r.get("ranks").asList(Value::asInt),
                r.get("multipliers").asList(Value::asString),
                r.get("flags").asList(Value::asString),
                r.get("schemeId").asString() + "|" + r.get("subjectId").asString());
    }
}
