package org.dutygraph.supervision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.supervision.signals.Signal;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Signals as raised, kept after their case closes (they are the record appraisal and offices read). */
@Component
class SignalStore {

    /** A stored signal as read back. */
    record StoredSignal(
            String id,
            String caseId,
            String level,
            String rule,
            String powerItemId,
            String unitId,
            String postId,
            OffsetDateTime raisedAt,
            OffsetDateTime due,
            OffsetDateTime clearedAt,
            String sortKey) {}

    /** Newest raised first, then by id: the keyset the list pages on. */
    static String sortKey(java.time.Instant raisedAt, String id) {
        return "%019d|%s".formatted(Long.MAX_VALUE - raisedAt.toEpochMilli(), id);
    }

    private final Neo4jClient neo4j;

    SignalStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(Map<String, Signal> signals) {
        var rows = signals.entrySet().stream()
                .map(e -> {
                    var s = e.getValue();
                    var row = new HashMap<String, Object>();
                    row.put("id", e.getKey());
                    row.put("caseId", s.caseId());
                    row.put("level", s.level().name());
                    row.put("rule", s.rule().name());
                    row.put("powerItemId", s.powerItemId());
                    row.put("unitId", s.unitId());
                    row.put("postId", s.postId());
                    row.put("raisedAt", utc(s.raisedAt()));
                    row.put("sortKey", sortKey(s.raisedAt(), e.getKey()));
                    row.put("due", s.due() == null ? null : utc(s.due()));
                    row.put("clearedAt", s.clearedAt() == null ? null : utc(s.clearedAt()));
                    return row;
                })
                .toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (c:SupervisedCase {id: row.caseId})
                CREATE (s:SupervisionSignal) SET s = row
                CREATE (s)-[:ON_CASE]->(c)""").bind(rows).to("rows").run();
    }

    void clear(Map<String, java.time.Instant> clearedAt) {
        var rows = clearedAt.entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "at", utc(e.getValue())))
                .toList();
        neo4j.query("UNWIND $rows AS row MATCH (s:SupervisionSignal {id: row.id}) SET s.clearedAt = row.at")
                .bind(rows)
                .to("rows")
                .run();
    }

    /** Newest first; each filter applies when given. */
    List<StoredSignal> list(String unitId, String level, Boolean open, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("unit", unitId);
        params.put("level", level);
        params.put("open", open);
        params.put("limit", limit);
        return neo4j
                .query("""
                        MATCH (s:SupervisionSignal)
                        WHERE ($unit IS NULL OR s.unitId = $unit) AND ($level IS NULL OR s.level = $level)
                          AND ($open IS NULL OR (s.clearedAt IS NULL) = $open) AND ($after IS NULL OR s.sortKey > $after)
                        RETURN s ORDER BY s.sortKey LIMIT $limit""")
                .bindAll(params)
                .fetchAs(StoredSignal.class)
                .mappedBy((t, r) -> {
                    var s = r.get("s").asNode();
                    return new StoredSignal(
                            s.get("id").asString(),
                            s.get("caseId").asString(),
                            s.get("level").asString(),
                            s.get("rule").asString(),
                            s.get("powerItemId").asString(),
                            s.get("unitId").asString(),
                            s.get("postId").asString(null),
                            s.get("raisedAt").asOffsetDateTime(),
                            s.get("due").isNull() ? null : s.get("due").asOffsetDateTime(),
                            s.get("clearedAt").isNull()
                                    ? null
                                    : s.get("clearedAt").asOffsetDateTime(),
                            s.get("sortKey").asString());
                })
                .all()
                .stream()
                .toList();
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
