package org.dutygraph.appraisal;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.neo4j.graphdb.NotFoundException;
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
    /** Rows (or deleted results) per transaction against a server, as before, and in this JVM: see {@link #batchSize}. */
    private static final int SERVER_BATCH = 10_000;

    private static final int IN_PROCESS_BATCH = 2_000;

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

    /**
     * One subject's results under one scheme in a run, its periods in order (arrays parallel to {@code periods}): the
     * types the Java API stores (Cypher stores a list of integers as long[]).
     */
    record RunRow(
            String key,
            String schemeId,
            String subjectId,
            String[] periods,
            long[] versions,
            String[] scores,
            String[] grades,
            long[] ranks,
            String[] multipliers,
            String[] flags) {

        Map<String, Object> params() {
            var row = new HashMap<String, Object>();
            row.put("key", key);
            row.put("schemeId", schemeId);
            row.put("subjectId", subjectId);
            row.put("periods", Arrays.asList(periods));
            row.put("versions", Arrays.stream(versions).boxed().toList());
            row.put("scores", Arrays.asList(scores));
            row.put("grades", Arrays.asList(grades));
            row.put("ranks", Arrays.stream(ranks).boxed().toList());
            row.put("multipliers", Arrays.asList(multipliers));
            row.put("flags", Arrays.asList(flags));
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
                node.setProperty("periods", row.periods());
                node.setProperty("versions", row.versions());
                node.setProperty("scores", row.scores());
                node.setProperty("grades", row.grades());
                node.setProperty("ranks", row.ranks());
                node.setProperty("multipliers", row.multipliers());
                node.setProperty("flags", row.flags());
            }
            tx.commit();
        }
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

    /**
     * Deletes a run's results in transactions of their own ({@link #batchSize} nodes each): call it outside a
     * transaction. In this JVM through the Java API (the run's nodes found in one read, then deleted by id,
     * {@link #writers()} transactions at a time), else with Cypher. Either way a result node that has gained a relationship is not deleted: the transaction fails.
     */
    void remove(int year, String runId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a run is removed in transactions of its own, outside the caller's");
        }
        if (inProcess == null) {
            neo4j.query("""
                            MATCH (r:AppraisalResult {year: $year}) WHERE r.runId = $run
                            CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS""").bindAll(Map.of("year", year, "run", runId)).run();
            return;
        }
        var ids = new ArrayList<String>();
        try (var tx = inProcess.beginTx();
                var nodes = tx.findNodes(RESULT)) {
            while (nodes.hasNext()) {
                var node = nodes.next();
                if (runId.equals(node.getProperty("runId", null))
                        && node.getProperty("year", null) instanceof Number n
                        && n.doubleValue() == year) {
                    ids.add(node.getElementId());
                }
            }
        }
        try (var removers = new ParallelBatches("appraisal-remove", writers())) {
            int size = batchSize();
            for (int from = 0; from < ids.size(); from += size) {
                var batch = ids.subList(from, Math.min(ids.size(), from + size));
                removers.submit(() -> delete(batch));
            }
            removers.await();
        }
    }

    private void delete(List<String> elementIds) {
        try (var tx = inProcess.beginTx()) {
            for (var id : elementIds) {
                try {
                    tx.getNodeByElementId(id).delete();
                } catch (NotFoundException gone) {
                    // deleted since it was found (nothing else deletes a replaced run's results): nothing to do
                }
            }
            tx.commit();
        }
    }

    /**
     * How many of a run's write (or delete) transactions run at once: two in this JVM, where committing is the work
     * (the writers kept about 1.15 cores busy on the 100,000-staff year; one writer against two was not measured at
     * 2,000 rows a transaction); one against a server, as before.
     */
    int writers() {
        return inProcess == null
                ? 1
                : Math.min(2, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Rows of a run written (or results deleted) per transaction: 10,000 against a server, as before; 2,000 in this JVM,
     * where a transaction's state is on this heap: 10,000 nodes of a year's results in each of two transactions at once
     * kept a collector busy copying them (5 of the write phase's 16 s in pauses) and promoted them by the gigabyte
     * (measured on the 100,000-staff year, see the appraisal benchmark).
     */
    int batchSize() {
        return inProcess == null ? SERVER_BATCH : IN_PROCESS_BATCH;
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
