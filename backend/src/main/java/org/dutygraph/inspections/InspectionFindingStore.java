package org.dutygraph.inspections;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The {@code InspectionFinding} nodes, read with the confidentiality rules in the query: a plan's managers see
 * its findings, inspectors those of their own assignments, unit staff the confirmed findings of their unit and
 * its sub-units.
 */
@Component
class InspectionFindingStore {

    /** A finding and whether the caller sees it as its plan's manager or its visit's inspector (else as the unit). */
    record Shown(FindingView finding, boolean insider) {}

    /** Findings the caller may see, as a Cypher subquery yielding {@code f}. */
    private static final String VISIBLE_FINDINGS = """
            CALL (me, unit) {
              MATCH (:Account {username: me})-[:MANAGES]->(p:InspectionPlan) MATCH (f:InspectionFinding {planId: p.id}) RETURN f
              UNION
              MATCH (:Account {username: me})-[:ASSIGNED]->(a:Assignment) MATCH (f:InspectionFinding {assignmentId: a.id})
              RETURN f
              UNION
              MATCH (t:Organization)-[:PART_OF*0..]->(:Organization {id: unit})
              MATCH (f:InspectionFinding {targetUnitId: t.id}) WHERE f.status = 'CONFIRMED' RETURN f
            }
            """;

    /** One finding the caller may see, by {@code $id}. */
    private static final String VISIBLE_FINDING = """
            MATCH (f:InspectionFinding {id: $id})
            WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: f.planId}) }
               OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: f.assignmentId}) }
               OR (f.status = 'CONFIRMED'
                   AND EXISTS { (:Organization {id: f.targetUnitId})-[:PART_OF*0..]->(:Organization {id: $unit}) })
            """;

    /** Whether the caller sees a finding as its plan's manager or its visit's inspector, not only as the unit inspected. */
    private static final String INSIDER = """
            (EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: f.planId}) }
             OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: f.assignmentId}) })""";

    private final Neo4jClient neo4j;

    InspectionFindingStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The findings the caller may see, newest first, before the key {@code before} (null: from the newest). */
    List<Shown> page(InspectionCaller caller, String planId, List<String> statuses, String before, int limit) {
        var params = params(caller);
        params.put("planId", planId);
        params.put("statuses", statuses);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("WITH $me AS me, $unit AS unit " + VISIBLE_FINDINGS + """
                        WITH DISTINCT f WHERE ($planId IS NULL OR f.planId = $planId) AND ($statuses IS NULL OR f.status IN $statuses)
                          AND ($before IS NULL OR f.key < $before)
                        RETURN f, """ + INSIDER + """
                         AS insider ORDER BY f.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Shown.class)
                .mappedBy((types, row) -> shown(row))
                .all());
    }

    Optional<Shown> shown(InspectionCaller caller, String id) {
        var params = params(caller);
        params.put("id", id);
        return neo4j
                .query(VISIBLE_FINDING + "RETURN f, " + INSIDER + " AS insider")
                .bindAll(params)
                .fetchAs(Shown.class)
                .mappedBy((types, row) -> shown(row))
                .all()
                .stream()
                .findFirst();
    }

    /** The whole finding, for this feature's own checks (who manages it, audit); never returned as is to the unit. */
    Optional<FindingView> visible(InspectionCaller caller, String id) {
        var params = params(caller);
        params.put("id", id);
        return neo4j
                .query(VISIBLE_FINDING + "RETURN f")
                .bindAll(params)
                .fetchAs(FindingView.class)
                .mappedBy((types, row) -> finding(row.get("f").asNode()))
                .all()
                .stream()
                .findFirst();
    }

    Optional<FindingView> byId(String id) {
        return neo4j.query("MATCH (f:InspectionFinding {id: $id}) RETURN f")
                .bind(id)
                .to("id")
                .fetchAs(FindingView.class)
                .mappedBy((types, row) -> finding(row.get("f").asNode()))
                .one();
    }

    void review(String id, String status, String reason, String by, long at) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("status", status);
        params.put("reason", reason);
        params.put("by", by);
        params.put("now", at);
        neo4j.query("""
                        MATCH (f:InspectionFinding {id: $id})
                        SET f.status = $status, f.reviewReason = $reason, f.reviewedBy = $by, f.reviewedAt = $now""").bindAll(params).run();
    }

    private static Shown shown(org.neo4j.driver.Record row) {
        return new Shown(finding(row.get("f").asNode()), row.get("insider").asBoolean());
    }

    private static Map<String, Object> params(InspectionCaller caller) {
        var params = new HashMap<String, Object>();
        params.put("me", caller.manager());
        params.put("unit", caller.staff() ? caller.unitId() : null);
        return params;
    }

    private static FindingView finding(Node n) {
        return new FindingView(
                n.get("id").asString(null),
                str(n.get("clientId")),
                n.get("planId").asString(null),
                n.get("assignmentId").asString(null),
                n.get("targetUnitId").asString(null),
                n.get("normCode").asString(null),
                str(n.get("description")),
                utc(n.get("observedAt")),
                utc(n.get("receivedAt")),
                str(n.get("recordedBy")),
                str(n.get("postId")),
                str(n.get("badgeNumber")),
                n.get("status").asString(null),
                str(n.get("reviewReason")),
                str(n.get("reviewedBy")),
                n.get("key").asString(null),
                false);
    }

    private static String str(Value v) {
        return v.asString(null);
    }

    private static OffsetDateTime utc(Value v) {
        return v.isNull() ? null : TimeKeys.utc(v.asLong());
    }
}
