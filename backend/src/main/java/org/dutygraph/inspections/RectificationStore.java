package org.dutygraph.inspections;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The {@code Rectification} orders of confirmed findings and their return visits; {@code today} decides whether an
 * order is overdue.
 */
@Component
class RectificationStore {

    /** An order and whether the caller sees it as its plan's manager (else as staff of the unit or one above). */
    record Seen(RectificationView order, boolean manager) {}

    /** The order of a confirmed finding, and its return visit by the inspectors of the finding's assignment. */
    record NewOrder(
            String id,
            String findingId,
            String assignmentId,
            LocalDate rectifyBy,
            long orderedAt,
            String returnVisitId,
            LocalDate dueFrom,
            LocalDate dueBy,
            String key) {}

    private final Neo4jClient neo4j;

    RectificationStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Creates the order and the return visit; returns the inspectors the return visit is assigned to. */
    List<String> order(NewOrder order) {
        var params = new HashMap<String, Object>();
        params.put("assignment", order.assignmentId());
        params.put("rid", order.id());
        params.put("finding", order.findingId());
        params.put("rectifyBy", order.rectifyBy().toString());
        params.put("now", order.orderedAt());
        params.put("vid", order.returnVisitId());
        params.put("key", order.key());
        params.put("dueFrom", order.dueFrom().toString());
        params.put("dueBy", order.dueBy().toString());
        return neo4j.query("""
                        MATCH (a:Assignment {id: $assignment})
                        CREATE (r:Rectification {id: $rid, findingId: $finding, planId: a.planId, unitId: a.targetUnitId,
                                status: 'ORDERED', rectifyBy: $rectifyBy, orderedAt: $now, returnVisitId: $vid, key: $key})
                        CREATE (v:Assignment {id: $vid, kind: 'RETURN_VISIT', status: 'ASSIGNED', planId: a.planId,
                                method: a.method, targetUnitId: a.targetUnitId, inspectors: a.inspectors,
                                dueFrom: $dueFrom, dueBy: $dueBy, checklist: a.checklist, checklistId: a.checklistId,
                                rectificationId: $rid,
                                key: $dueBy + ':' + $vid})
                        WITH a, v UNWIND a.inspectors AS username
                        MATCH (acc:Account {username: username}) CREATE (acc)-[:ASSIGNED]->(v)
                        RETURN collect(username) AS inspectors""")
                .bindAll(params)
                .fetchAs(Value.class)
                .mappedBy((types, row) -> row.get("inspectors"))
                .one()
                .map(v -> v.asList(Value::asString))
                .orElseThrow();
    }

    void respond(String id, String response, String by, long at) {
        neo4j.query("""
                        MATCH (r:Rectification {id: $id})
                        SET r.status = 'RESPONDED', r.response = $response, r.respondedBy = $by, r.respondedAt = $now""")
                .bindAll(Map.of("id", id, "response", response, "by", by, "now", at))
                .run();
    }

    /** Closes the order (fixed) or escalates it, and marks its return visit made. */
    void returnVisit(String id, boolean fixed, String note, String by, long at) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("status", fixed ? "CLOSED" : "ESCALATED");
        params.put("note", note);
        params.put("fixed", fixed);
        params.put("now", at);
        params.put("by", by);
        neo4j.query("""
                        MATCH (r:Rectification {id: $id})
                        SET r.status = $status, r.returnVisitNote = $note, r.closedAt = CASE WHEN $fixed THEN $now END,
                            r.returnVisitBy = $by, r.returnVisitAt = $now
                        WITH r MATCH (v:Assignment {id: r.returnVisitId}) SET v.status = 'VISITED', v.visitedAt = $now""").bindAll(params).run();
    }

    /** The order, if {@code inspector} manages its plan or is on its return visit. */
    Optional<RectificationView> ofInspector(String inspector, String id, LocalDate today) {
        return one("""
                MATCH (r:Rectification {id: $id}) MATCH (p:InspectionPlan {id: r.planId})
                WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) }
                   OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: r.returnVisitId}) }
                RETURN r""", id, Map.of("me", inspector), today);
    }

    /** The order, if it was issued to {@code unitId} or a unit inside it. */
    Optional<RectificationView> ofUnit(String unitId, String id, LocalDate today) {
        return one("""
                MATCH (r:Rectification {id: $id})
                WHERE EXISTS { (:Organization {id: r.unitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
                RETURN r""", id, unitParam(unitId), today);
    }

    Optional<RectificationView> byId(String id, LocalDate today) {
        return one("MATCH (r:Rectification {id: $id}) RETURN r", id, Map.of(), today);
    }

    /** The orders of these findings, by finding id. */
    Map<String, RectificationView> ofFindings(Collection<String> findingIds, LocalDate today) {
        return neo4j
                .query("MATCH (r:Rectification) WHERE r.findingId IN $ids RETURN r")
                .bind(List.copyOf(findingIds))
                .to("ids")
                .fetchAs(RectificationView.class)
                .mappedBy((types, row) -> rectification(row.get("r").asNode(), today))
                .all()
                .stream()
                .collect(Collectors.toMap(RectificationView::findingId, Function.identity(), (a, b) -> b));
    }

    /** Orders of plans the caller manages and orders issued to the caller's unit (and its sub-units), newest first. */
    List<Seen> page(InspectionCaller caller, List<String> statuses, String before, int limit, LocalDate today) {
        var params = params(caller);
        params.put("statuses", statuses);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        CALL () {
                          MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) MATCH (r:Rectification {planId: p.id}) RETURN r
                          UNION
                          MATCH (t:Organization)-[:PART_OF*0..]->(:Organization {id: $unit})
                          MATCH (r:Rectification {unitId: t.id}) RETURN r
                        }
                        WITH DISTINCT r WHERE ($statuses IS NULL OR r.status IN $statuses) AND ($before IS NULL OR r.key < $before)
                        RETURN r, EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: r.planId}) } AS manager
                        ORDER BY r.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Seen.class)
                .mappedBy((types, row) -> new Seen(
                        rectification(row.get("r").asNode(), today),
                        row.get("manager").asBoolean()))
                .all());
    }

    /** One order, to the managers of its plan and the staff of its unit or a unit above it. */
    Optional<Seen> seen(InspectionCaller caller, String id, LocalDate today) {
        var params = params(caller);
        params.put("id", id);
        return neo4j
                .query("""
                        MATCH (r:Rectification {id: $id})
                        WITH r, EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: r.planId}) } AS manager
                        WHERE manager OR EXISTS { (:Organization {id: r.unitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
                        RETURN r, manager""")
                .bindAll(params)
                .fetchAs(Seen.class)
                .mappedBy((types, row) -> new Seen(
                        rectification(row.get("r").asNode(), today),
                        row.get("manager").asBoolean()))
                .all()
                .stream()
                .findFirst();
    }

    /** The units directly above {@code unitId}. */
    List<String> parentUnits(String unitId) {
        return List.copyOf(neo4j.query("MATCH (:Organization {id: $id})-[:PART_OF]->(p:Organization) RETURN p.id AS id")
                .bind(unitId)
                .to("id")
                .fetchAs(String.class)
                .all());
    }

    private Optional<RectificationView> one(String cypher, String id, Map<String, Object> more, LocalDate today) {
        var params = new HashMap<String, Object>(more);
        params.put("id", id);
        return neo4j
                .query(cypher)
                .bindAll(params)
                .fetchAs(RectificationView.class)
                .mappedBy((types, row) -> rectification(row.get("r").asNode(), today))
                .all()
                .stream()
                .findFirst();
    }

    private static Map<String, Object> unitParam(String unitId) {
        var params = new HashMap<String, Object>();
        params.put("unit", unitId);
        return params;
    }

    private static Map<String, Object> params(InspectionCaller caller) {
        var params = new HashMap<String, Object>();
        params.put("me", caller.manager());
        params.put("unit", caller.staff() ? caller.unitId() : null);
        return params;
    }

    private static RectificationView rectification(Node n, LocalDate today) {
        var rectifyBy = LocalDate.parse(n.get("rectifyBy").asString(null));
        var status = n.get("status").asString(null);
        return new RectificationView(
                n.get("id").asString(null),
                n.get("findingId").asString(null),
                n.get("planId").asString(null),
                n.get("unitId").asString(null),
                status,
                rectifyBy,
                status.equals("ORDERED") && today.isAfter(rectifyBy),
                n.get("response").asString(null),
                utc(n.get("respondedAt")),
                n.get("returnVisitId").asString(null),
                n.get("returnVisitNote").asString(null),
                utc(n.get("closedAt")),
                n.get("key").asString(null));
    }

    private static OffsetDateTime utc(Value v) {
        return v.isNull() ? null : TimeKeys.utc(v.asLong());
    }
}
