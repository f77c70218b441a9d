package org.dutygraph.conflicts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.stereotype.Repository;

/**
 * Findings as (:Finding) nodes. Analysis results are merged by id so triage survives re-analysis:
 * findings no longer found become inactive, and a resolved finding found again is reopened as a regression.
 */
@Repository
public class FindingStore {

    private static final int BATCH = 5_000;

    private final Driver driver;
    private final Clock clock;
    /** The embedded database, when in this JVM: an analysis's findings are written through it, not over Bolt. */
    private final GraphDatabaseService inProcess;

    FindingStore(Driver driver, Clock clock, InProcessGraph inProcess) {
        this.driver = driver;
        this.clock = clock;
        this.inProcess = inProcess.database().orElse(null);
    }

    public record Filter(
            List<String> kinds,
            List<String> severities,
            List<String> statuses,
            String unitId,
            boolean includeInactive,
            boolean regressionsOnly) {}

    public record KindCount(String kind, int count) {}

    public record UnitCount(String unitId, int total, List<KindCount> byKind) {}

    /** Stores one full run's findings, retires every other, and returns how many are active. */
    int replaceActive(List<Finding> findings, String runId) {
        upsert(findings, runId);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(
                            "MATCH (f:Finding) WHERE f.active AND f.runId <> $runId SET f.active = false",
                            Map.of("runId", runId))
                    .consume());
        }
        return findings.size();
    }

    /** Stores an incremental run's findings and retires the given ones. */
    void applyDelta(List<Finding> upserts, List<String> retired, String runId) {
        upsert(upserts, runId);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (f:Finding) WHERE f.id IN $ids SET f.active = false", Map.of("ids", retired))
                            .consume());
        }
    }

    /** Merges findings by id, keeping their triage; a resolved finding found again reopens as a regression. */
    private void upsert(List<Finding> findings, String runId) {
        var now = now();
        for (int from = 0; from < findings.size(); from += BATCH) {
            var rows = findings.subList(from, Math.min(findings.size(), from + BATCH)).stream()
                    .map(Finding::asRecord)
                    .toList();
            if (inProcess != null) {
                try (var tx = inProcess.beginTx()) {
                    try (var result =
                            tx.execute(UPSERT, Map.of("rows", rows, "runId", runId, "now", now.toZonedDateTime()))) {
                        result.accept(row -> true); // runs the write to its end before the commit
                    }
                    tx.commit();
                }
            } else {
                try (var session = driver.session()) {
                    session.executeWriteWithoutResult(
                            tx -> tx.run(UPSERT, Map.of("rows", rows, "runId", runId, "now", now))
                                    .consume());
                }
            }
        }
    }

    private static final String UPSERT = """
            UNWIND $rows AS row
            MERGE (f:Finding {id: row.id})
            ON CREATE SET f.status = 'open', f.firstSeenAt = $now, f.regression = false
            SET f.kind = row.kind, f.severity = row.severity, f.units = row.units, f.posts = row.posts,
                f.duties = row.duties, f.powerItems = row.power_items, f.evidence = row.evidence,
                f.explanationZh = row.explanation, f.explanationEn = row.explanation_en,
                f.arbiterPostId = row.arbiter_post_id,
                f.lastSeenAt = $now, f.runId = $runId, f.active = true
            SET f.regression = CASE WHEN f.status = 'resolved' THEN true ELSE f.regression END
            SET f.status = CASE WHEN f.status = 'resolved' THEN 'open' ELSE f.status END
            WITH f, row
            CALL (f) { MATCH (f)-[r:INVOLVES]->() DELETE r }
            CALL (f, row) { UNWIND row.units AS unitId MATCH (u:Organization {id: unitId}) CREATE (f)-[:INVOLVES]->(u) }
            """;

    /** Stored as a DateTime in UTC, as Cypher's datetime() stores it. */
    private java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public List<FindingView> page(Filter filter, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("kinds", filter.kinds());
        params.put("severities", filter.severities());
        params.put("statuses", filter.statuses());
        params.put("includeInactive", filter.includeInactive());
        params.put("regressionsOnly", filter.regressionsOnly());
        params.put("unitId", filter.unitId());
        params.put("after", after);
        params.put("limit", limit);
        // Under a unit: walk its subtree to the findings involving it; otherwise scan findings in id order.
        var match = filter.unitId() == null ? "MATCH (f:Finding)" : """
                MATCH (:Organization {id: $unitId})<-[:PART_OF*0..]-(:Organization)<-[:INVOLVES]-(f:Finding)
                WITH DISTINCT f""";
        return read(match + """

                WHERE ($includeInactive OR f.active)
                  AND ($kinds IS NULL OR f.kind IN $kinds)
                  AND ($severities IS NULL OR f.severity IN $severities)
                  AND ($statuses IS NULL OR f.status IN $statuses)
                  AND (NOT $regressionsOnly OR f.regression)
                  AND ($after IS NULL OR f.id > $after)
                RETURN f ORDER BY f.id LIMIT $limit""", params);
    }

    public Optional<FindingView> byId(String id) {
        return read("MATCH (f:Finding {id: $id}) RETURN f", Map.of("id", id)).stream()
                .findFirst();
    }

    public Optional<FindingView> triage(String id, String status, String reason, String user) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("status", status);
        params.put("reason", reason);
        params.put("user", user);
        params.put("now", now());
        try (var session = driver.session()) {
            return session
                    .executeWrite(
                            tx -> tx.run("""
                    MATCH (f:Finding {id: $id})
                    SET f.status = $status, f.reason = $reason, f.triagedBy = $user, f.triagedAt = $now,
                        f.regression = CASE WHEN $status = 'resolved' THEN false ELSE f.regression END
                    RETURN f""", params).list(r -> view(r.get("f").asNode())))
                    .stream()
                    .findFirst();
        }
    }

    /**
     * Carries triage over to the ids findings will have after a restructuring ({@code from} -> {@code to}): a
     * triaged finding's state is copied to its successor, created inactive until an analysis finds it, so that
     * the analysis after the import keeps the triage. Successors already triaged keep theirs. Returns how many carried.
     */
    public int carryTriage(Map<String, String> successors) {
        var pairs = successors.entrySet().stream()
                .filter(e -> !e.getKey().equals(e.getValue()))
                .map(e -> Map.of("from", e.getKey(), "to", e.getValue()))
                .toList();
        try (var session = driver.session()) {
            return session.executeWrite(tx ->
                    tx.run("""
                    UNWIND $pairs AS pair
                    MATCH (old:Finding {id: pair.from}) WHERE old.status <> 'open'
                    MERGE (f:Finding {id: pair.to})
                    ON CREATE SET f += old {.*, id: pair.to, active: false, regression: false}
                    WITH old, f
                    FOREACH (_ IN CASE WHEN f.status = 'open' THEN [1] ELSE [] END |
                        SET f.status = old.status, f.reason = old.reason, f.triagedBy = old.triagedBy, f.triagedAt = old.triagedAt)
                    SET f.carriedFrom = old.id
                    RETURN count(f) AS carried""", Map.of("pairs", pairs)).single().get("carried").asInt());
        }
    }

    /** Per child of the unit (the roots when null): active findings involving the child or its descendants. */
    public List<UnitCount> counts(String unitId, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("unitId", unitId);
        params.put("after", after);
        params.put("limit", limit);
        var children = unitId == null
                ? "MATCH (c:Organization) WHERE NOT (c)-[:PART_OF]->()"
                : "MATCH (c:Organization)-[:PART_OF]->(:Organization {id: $unitId}) WHERE true";
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(children + """

                      AND ($after IS NULL OR c.id > $after)
                    WITH c ORDER BY c.id LIMIT $limit
                    RETURN c.id AS unitId, COLLECT {
                      MATCH (c)<-[:PART_OF*0..]-(:Organization)<-[:INVOLVES]-(f:Finding) WHERE f.active
                      WITH DISTINCT f RETURN f.kind
                    } AS kinds""", params).list(r -> {
                var byKind = new java.util.TreeMap<String, Integer>();
                r.get("kinds").asList(Value::asString).forEach(kind -> byKind.merge(kind, 1, Integer::sum));
                var kinds = byKind.entrySet().stream()
                        .map(e -> new KindCount(e.getKey(), e.getValue()))
                        .toList();
                return new UnitCount(
                        r.get("unitId").asString(),
                        kinds.stream().mapToInt(KindCount::count).sum(),
                        kinds);
            }));
        }
    }

    private List<FindingView> read(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(cypher, params).list(r -> view(r.get("f").asNode())));
        }
    }

    private static FindingView view(Node f) {
        return new FindingView(
                f.get("id").asString(),
                f.get("kind").asString(),
                f.get("severity").asString(),
                f.get("status").asString(),
                f.get("regression").asBoolean(false),
                f.get("active").asBoolean(false),
                f.get("reason").asString(null),
                f.get("triagedBy").asString(null),
                f.get("explanationZh").asString(),
                f.get("explanationEn").asString(),
                strings(f, "evidence"),
                strings(f, "units"),
                strings(f, "posts"),
                strings(f, "duties"),
                strings(f, "powerItems"),
                f.get("arbiterPostId").asString(null),
                f.get("firstSeenAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                f.get("lastSeenAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static List<String> strings(Node n, String key) {
        return n.get(key).isNull() ? List.of() : new ArrayList<>(n.get(key).asList(Value::asString));
    }
}
