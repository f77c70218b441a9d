package org.dutygraph.conflicts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final int IN_PROCESS_BATCH = 1_000;
    private static final int ATTEMPTS = 5;
    private static final String SEPARATOR = "\u001f";

    private final Driver driver;
    private final Clock clock;
    /** The embedded database, when in this JVM: an analysis's findings are written through it, not over Bolt. */
    private final GraphDatabaseService inProcess;
    /**
     * The last full run's findings with their digests, by id: a finding found again equal (a record of immutable
     * values) is not digested again. Written by the analysis thread only.
     */
    private volatile Map<String, Digested> digests = Map.of();

    private record Digested(Finding finding, String digest) {}

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
            boolean regressionsOnly,
            List<String> visibleUnits) {}

    public record KindCount(String kind, int count) {}

    public record UnitCount(String unitId, int total, List<KindCount> byKind) {}

    /**
     * Stores one full run's findings as a change to the stored ones and returns how many are active: only findings
     * new, changed (by their digest), reopened, stale or involving other units than stored are written; findings no
     * longer found are retired. The unchanged ones were computed by this run without being rewritten: the run's time,
     * kept on the analysis marker, is their {@code lastSeenAt} while they stay active and current (see {@link #view}).
     * The run is recorded as the latest ({@link #markLatestRun}) in the commit that retires.
     */
    int replaceActive(List<Finding> findings, String runId) {
        var now = now();
        var stored = storedActive();
        var known = digests;
        var digested = findings.parallelStream()
                .map(f -> {
                    var last = known.get(f.id());
                    return last != null
                                    && (last.finding() == f || last.finding().equals(f))
                            ? last.digest()
                            : digestOf(f);
                })
                .toList();
        var rows = new ArrayList<Map<String, Object>>();
        var next = new HashMap<String, Digested>(findings.size() * 2);
        for (int i = 0; i < findings.size(); i++) {
            var finding = findings.get(i);
            next.put(finding.id(), new Digested(finding, digested.get(i)));
            if (!digested.get(i).equals(stored.get(finding.id()))) rows.add(row(finding));
        }
        digests = next;
        var found = new HashSet<String>();
        findings.forEach(finding -> found.add(finding.id()));
        upsertRows(rows, runId, now);
        var retired = stored.keySet().stream().filter(id -> !found.contains(id)).toList();
        // retired, and the run recorded as the latest (as markLatestRun does), in one commit
        write(
                List.of(
                        RETIRE,
                        "MERGE (m:AnalysisMarker {name: 'conflicts'}) SET m.fullRunAt = $now, m.runId = $runId"),
                Map.of("ids", retired, "now", now, "runId", runId));
        return findings.size();
    }

    /** Stores an incremental run's findings, retires the given ones and marks the stale ones. */
    void applyDelta(List<Finding> upserts, List<String> retired, List<String> stale, String runId) {
        upsertRows(upserts.stream().map(FindingStore::row).toList(), runId, now());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(RETIRE, Map.of("ids", retired)).consume();
                tx.run("""
                        OPTIONAL MATCH (m:AnalysisMarker {name: 'conflicts'})
                        WITH m.fullRunAt AS seen
                        MATCH (f:Finding) WHERE f.id IN $ids AND f.active AND NOT coalesce(f.stale, false)
                        SET f.stale = true,
                            f.lastSeenAt = CASE WHEN seen > f.lastSeenAt THEN seen ELSE f.lastSeenAt END""", Map.of("ids", stale)).consume();
            });
        }
    }

    /** Retires findings, keeping when they were last computed (a full run that left them unwritten). */
    private static final String RETIRE = """
            OPTIONAL MATCH (m:AnalysisMarker {name: 'conflicts'})
            WITH m.fullRunAt AS seen
            UNWIND $ids AS id
            MATCH (f:Finding {id: id})
            SET f.lastSeenAt = CASE WHEN f.active AND NOT f.stale AND seen > f.lastSeenAt THEN seen ELSE f.lastSeenAt END,
                f.active = false""";

    /**
     * Active findings by id, with the digest of what is stored, or null where the finding must be written again
     * even if unchanged: stale, resolved (found again, it reopens), or not involving each of its units.
     */
    private Map<String, String> storedActive() {
        var cypher = """
                MATCH (f:Finding) WHERE f.active
                RETURN f.id AS id,
                       CASE WHEN NOT f.stale AND f.status <> 'resolved' AND COUNT { (f)-[:INVOLVES]->() } = size(f.units)
                            THEN f.digest END AS digest""";
        var stored = new HashMap<String, String>();
        if (inProcess != null) {
            try (var tx = inProcess.beginTx();
                    var result = tx.execute(cypher)) {
                result.accept(r -> {
                    stored.put((String) r.get("id"), (String) r.get("digest"));
                    return true;
                });
            }
        } else {
            try (var session = driver.session()) {
                session.executeRead(tx -> tx.run(cypher).list())
                        .forEach(r -> stored.put(
                                r.get("id").asString(), r.get("digest").asString(null)));
            }
        }
        return stored;
    }

    /** Runs the statements in one write transaction, in this JVM where the store is. */
    private void write(List<String> statements, Map<String, Object> params) {
        if (inProcess != null) {
            try (var tx = inProcess.beginTx()) {
                for (var statement : statements) {
                    tx.execute(statement, params).close();
                }
                tx.commit();
            }
        } else {
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> statements.forEach(
                        statement -> tx.run(statement, params).consume()));
            }
        }
    }

    /**
     * Records the run whose findings are now the stored ones, so that an instance keeping an earlier analysis in
     * memory sees that another instance analysed since (V060's note on several instances).
     */
    void markLatestRun(String runId) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(
                            "MERGE (m:AnalysisMarker {name: 'conflicts'}) SET m.runId = $runId", Map.of("runId", runId))
                    .consume());
        }
    }

    /** The run recorded by {@link #markLatestRun}, or null before any. */
    String latestRun() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var rows = tx.run("MATCH (m:AnalysisMarker {name: 'conflicts'}) RETURN m.runId AS r")
                        .list();
                return rows.isEmpty() ? null : rows.get(0).get("r").asString(null);
            });
        }
    }

    /**
     * Merges findings by id, keeping their triage; a resolved finding found again reopens as a regression. In this
     * JVM, batches are written side by side: most of a batch's time is its commit (commands, index updates), which
     * runs in the committing thread.
     */
    private void upsertRows(List<Map<String, Object>> all, String runId, java.time.OffsetDateTime now) {
        int size = inProcess != null ? IN_PROCESS_BATCH : BATCH;
        var batches = new ArrayList<List<Map<String, Object>>>();
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        if (inProcess != null) {
            var at = now.toZonedDateTime();
            batches.parallelStream().forEach(rows -> upsertInProcess(rows, runId, at));
            return;
        }
        for (var rows : batches) {
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(UPSERT, Map.of("rows", rows, "runId", runId, "now", now))
                        .consume());
            }
        }
    }

    /** One batch in one transaction, tried again when it meets another batch's locks on a unit (a deadlock). */
    private void upsertInProcess(List<Map<String, Object>> rows, String runId, java.time.ZonedDateTime at) {
        for (int attempt = 1; ; attempt++) {
            try (var tx = inProcess.beginTx()) {
                for (var row : rows) upsert(tx, row, runId, at);
                tx.commit();
                return;
            } catch (org.neo4j.graphdb.TransientFailureException e) {
                if (attempt == ATTEMPTS) throw e;
            }
        }
    }

    private static final org.neo4j.graphdb.Label FINDING = org.neo4j.graphdb.Label.label("Finding");
    private static final org.neo4j.graphdb.Label ORGANIZATION = org.neo4j.graphdb.Label.label("Organization");
    private static final org.neo4j.graphdb.RelationshipType INVOLVES =
            org.neo4j.graphdb.RelationshipType.withName("INVOLVES");

    /** The row's finding as {@link #UPSERT} writes it, through the embedded Java API (no Cypher per row). */
    private static void upsert(
            org.neo4j.graphdb.Transaction tx, Map<String, Object> row, String runId, java.time.ZonedDateTime now) {
        var id = (String) row.get("id");
        var f = tx.findNode(FINDING, "id", id); // the unique constraint's index
        if (f == null) {
            f = tx.createNode(FINDING);
            f.setProperty("id", id);
            f.setProperty("status", "open");
            f.setProperty("firstSeenAt", now);
            f.setProperty("regression", false);
        }
        set(f, "kind", row.get("kind"));
        set(f, "severity", row.get("severity"));
        set(f, "units", row.get("units"));
        set(f, "posts", row.get("posts"));
        set(f, "duties", row.get("duties"));
        set(f, "powerItems", row.get("power_items"));
        set(f, "evidence", row.get("evidence"));
        set(f, "roleEvidence", row.get("role_evidence"));
        set(f, "explanationZh", row.get("explanation"));
        set(f, "explanationEn", row.get("explanation_en"));
        set(f, "arbiterPostId", row.get("arbiter_post_id"));
        set(f, "digest", row.get("digest"));
        f.setProperty("lastSeenAt", now);
        f.setProperty("runId", runId);
        f.setProperty("active", true);
        f.setProperty("stale", false);
        if ("resolved".equals(f.getProperty("status", null))) {
            f.setProperty("regression", true);
            f.setProperty("status", "open");
        }
        var involved = new ArrayList<org.neo4j.graphdb.Relationship>();
        try (var rels = f.getRelationships(org.neo4j.graphdb.Direction.OUTGOING, INVOLVES)) {
            rels.forEach(involved::add);
        }
        involved.forEach(org.neo4j.graphdb.Relationship::delete);
        @SuppressWarnings("unchecked")
        var units = (List<String>) row.get("units");
        if (units != null) {
            for (var unitId : units) {
                if (unitId == null) continue;
                var unit = tx.findNode(ORGANIZATION, "id", unitId); // unique, as MATCH by id finds at most one
                if (unit != null) f.createRelationshipTo(unit, INVOLVES);
            }
        }
    }

    /** Sets a property as Cypher's SET does: null removes it, a list of strings is stored as a string array. */
    private static void set(org.neo4j.graphdb.Node node, String key, Object value) {
        if (value == null) {
            node.removeProperty(key);
        } else if (value instanceof List<?> list) {
            var array = new String[list.size()];
            for (int i = 0; i < array.length; i++) {
                var item = list.get(i);
                if (item == null) throw new IllegalArgumentException(key + " holds a null"); // Cypher refuses too
                array[i] = (String) item;
            }
            node.setProperty(key, array);
        } else {
            node.setProperty(key, value);
        }
    }

    private static final String UPSERT = """
            UNWIND $rows AS row
            MERGE (f:Finding {id: row.id})
            ON CREATE SET f.status = 'open', f.firstSeenAt = $now, f.regression = false
            SET f.kind = row.kind, f.severity = row.severity, f.units = row.units, f.posts = row.posts,
                f.duties = row.duties, f.powerItems = row.power_items, f.evidence = row.evidence,
                f.roleEvidence = row.role_evidence,
                f.explanationZh = row.explanation, f.explanationEn = row.explanation_en,
                f.arbiterPostId = row.arbiter_post_id, f.digest = row.digest,
                f.lastSeenAt = $now, f.runId = $runId, f.active = true, f.stale = false
            SET f.regression = CASE WHEN f.status = 'resolved' THEN true ELSE f.regression END
            SET f.status = CASE WHEN f.status = 'resolved' THEN 'open' ELSE f.status END
            WITH f, row
            CALL (f) { MATCH (f)-[r:INVOLVES]->() DELETE r }
            CALL (f, row) { UNWIND row.units AS unitId MATCH (u:Organization {id: unitId}) CREATE (f)-[:INVOLVES]->(u) }
            """;

    /** The finding as analyze prints it, plus its role evidence as strings of fields joined by a unit separator. */
    private static Map<String, Object> row(Finding finding) {
        var row = finding.asRecord();
        row.put(
                "role_evidence",
                finding.roleEvidence().stream()
                        .map(e -> String.join(
                                SEPARATOR,
                                e.dutyId(),
                                e.side().name(),
                                e.source().name(),
                                e.subjectId() == null ? "" : e.subjectId(),
                                e.matched()))
                        .toList());
        row.put("digest", digest(row));
        return row;
    }

    /** The digest a finding is stored with. */
    static String digestOf(Finding finding) {
        return (String) row(finding).get("digest");
    }

    /** What the finding's stored properties would be, as a digest: equal digests need no write. */
    private static String digest(Map<String, Object> row) {
        try {
            var text = new java.util.TreeMap<>(row).toString();
            var hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Finding.RoleEvidence> roleEvidence(Node f) {
        return strings(f, "roleEvidence").stream()
                .map(s -> s.split(SEPARATOR, -1))
                .filter(parts -> parts.length == 5)
                .map(parts -> new Finding.RoleEvidence(
                        parts[0],
                        Finding.Side.valueOf(parts[1]),
                        Finding.Source.valueOf(parts[2]),
                        parts[3].isEmpty() ? null : parts[3],
                        parts[4]))
                .toList();
    }

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
        params.put("visible", filter.visibleUnits());
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
                  AND ($visible IS NULL OR EXISTS { MATCH (f)-[:INVOLVES]->(v:Organization) WHERE v.id IN $visible })
                  AND ($after IS NULL OR f.id > $after)
                WITH f ORDER BY f.id LIMIT $limit
                RETURN """ + WITH_FULL_RUN, params);
    }

    public Optional<FindingView> byId(String id) {
        return read("MATCH (f:Finding {id: $id}) RETURN" + WITH_FULL_RUN, Map.of("id", id)).stream()
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
                    .executeWrite(tx -> tx.run("""
                    MATCH (f:Finding {id: $id})
                    SET f.status = $status, f.reason = $reason, f.triagedBy = $user, f.triagedAt = $now,
                        f.regression = CASE WHEN $status = 'resolved' THEN false ELSE f.regression END
                    RETURN """ + WITH_FULL_RUN, params).list(FindingStore::view))
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

    /**
     * Per child of the unit (the roots when null): active findings involving the child or its descendants. With
     * {@code visible} units (a leader's, closed under "part of"), the roots are the topmost of them.
     */
    public List<UnitCount> counts(String unitId, List<String> visible, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("unitId", unitId);
        params.put("visible", visible);
        params.put("after", after);
        params.put("limit", limit);
        var children = unitId != null
                ? "MATCH (c:Organization)-[:PART_OF]->(:Organization {id: $unitId}) WHERE true"
                : visible == null
                        ? "MATCH (c:Organization) WHERE NOT (c)-[:PART_OF]->()"
                        : "MATCH (c:Organization) WHERE c.id IN $visible"
                                + " AND NOT EXISTS { MATCH (c)-[:PART_OF]->(up:Organization) WHERE up.id IN $visible }";
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

    /** A finding and the time of the last full run, for {@link #view}. */
    private static final String WITH_FULL_RUN =
            " f, COLLECT { MATCH (m:AnalysisMarker {name: 'conflicts'}) RETURN m.fullRunAt }[0] AS fullRunAt";

    private List<FindingView> read(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, params).list(FindingStore::view));
        }
    }

    /**
     * The finding with the full run's time as its {@code lastSeenAt} while it is active and not stale: a full run
     * computes every finding but writes only those that changed ({@link #replaceActive}).
     */
    private static FindingView view(org.neo4j.driver.Record r) {
        var f = r.get("f").asNode();
        var lastSeen = f.get("lastSeenAt").asZonedDateTime();
        var fullRun = r.get("fullRunAt");
        if (f.get("active").asBoolean(false)
                && !f.get("stale").asBoolean(false)
                && !fullRun.isNull()
                && fullRun.asZonedDateTime().isAfter(lastSeen)) {
            lastSeen = fullRun.asZonedDateTime();
        }
        return view(f, lastSeen);
    }

    private static FindingView view(Node f, java.time.ZonedDateTime lastSeen) {
        return new FindingView(
                f.get("id").asString(),
                f.get("kind").asString(),
                f.get("severity").asString(),
                f.get("status").asString(),
                f.get("regression").asBoolean(false),
                f.get("active").asBoolean(false),
                f.get("stale").asBoolean(false),
                f.get("reason").asString(null),
                f.get("triagedBy").asString(null),
                f.get("explanationZh").asString(),
                f.get("explanationEn").asString(),
                strings(f, "evidence"),
                roleEvidence(f),
                strings(f, "units"),
                strings(f, "posts"),
                strings(f, "duties"),
                strings(f, "powerItems"),
                f.get("arbiterPostId").asString(null),
                f.get("firstSeenAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                lastSeen.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static List<String> strings(Node n, String key) {
        return n.get(key).isNull() ? List.of() : new ArrayList<>(n.get(key).asList(Value::asString));
    }
}
