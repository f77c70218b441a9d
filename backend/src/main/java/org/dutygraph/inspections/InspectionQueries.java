package org.dutygraph.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.inspections.InspectionViews.AssignmentView;
import org.dutygraph.inspections.InspectionViews.EvidenceView;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.PatrolShortfall;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Service;

/**
 * Reads with the confidentiality rules applied in the query: a plan's managers see everything of it,
 * inspectors their own assignments and what was found on them, unit staff only confirmed findings and
 * rectification orders of their unit (and its sub-units). Reads of assignments and findings are audited.
 */
@Service
public class InspectionQueries {

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

    private final Driver driver;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Clock clock;

    private final Checklists checklists;

    InspectionQueries(Driver driver, InspectionAudit audit, InspectionSettings settings, Clock clock, Checklists checklists) {
        this.checklists = checklists;
        this.driver = driver;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public List<AssignmentView> myAssignments(InspectionCaller caller, boolean includeDone, String after, int limit) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var rows = tx.run("""
                        MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment)
                        WHERE ($includeDone OR a.status = 'ASSIGNED') AND ($after IS NULL OR a.key > $after)
                        RETURN a ORDER BY a.key LIMIT $limit""",
                        Values.parameters("me", caller.username(), "includeDone", includeDone, "after", after, "limit", limit))
                        .list(r -> InspectionStore.assignment(r.get("a").asNode()));
                audit.record(tx, caller.username(), "list-assignments", rows.stream().map(a -> List.of(a.planId(), a.id())).toList());
                return rows;
            });
        }
    }

    public Optional<AssignmentView> assignment(InspectionCaller caller, String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var found = tx.run("""
                        MATCH (a:Assignment {id: $id}) MATCH (p:InspectionPlan {id: a.planId})
                        WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) }
                           OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(a) }
                        RETURN a""", Values.parameters("id", id, "me", caller.manager()))
                        .list(r -> InspectionStore.assignment(r.get("a").asNode())).stream().findFirst();
                found.ifPresent(a -> audit.record(tx, caller.username(), "read-assignment", a.planId(), a.id()));
                return found;
            });
        }
    }

    /**
     * A checklist by id and version: a shipped template as it is now, or the checklist of one of the caller's
     * assignments or of a plan the caller manages (a plan's own items are not shown to other inspectors).
     */
    public Optional<Checklists.Checklist> checklist(InspectionCaller caller, String id, String version) {
        var template = checklists.template(id).filter(t -> Checklists.version(t.items()).equals(version));
        if (template.isPresent()) {
            return template.map(t -> new Checklists.Checklist(id, version, t.items()));
        }
        try (var session = driver.session()) {
            var stored = session.executeRead(tx -> tx.run("""
                    CALL () {
                      MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment) RETURN a.planId AS planId, a.checklistId AS cid,
                             a.checklist AS items
                      UNION
                      MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) RETURN p.id AS planId, p.checklistId AS cid,
                             p.checklist AS items
                    }
                    WITH planId, cid, items WHERE coalesce(cid, 'plan-' + planId) = $id
                    RETURN DISTINCT items""", Values.parameters("me", caller.manager(), "id", id)).list(r -> r.get("items").asString()));
            return stored.stream().map(InspectionStore::items).filter(items -> Checklists.version(items).equals(version)).findFirst()
                    .map(items -> new Checklists.Checklist(id, version, items));
        }
    }

    /** The assignments of these plans, by plan id: drawn visits in draw order, then return visits. */
    public Map<String, List<AssignmentView>> assignmentsOfPlans(Collection<String> planIds) {
        var result = new HashMap<String, List<AssignmentView>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("MATCH (a:Assignment) WHERE a.planId IN $ids RETURN a ORDER BY a.drawOrder IS NULL, a.drawOrder, a.key",
                    Map.of("ids", List.copyOf(planIds))).list(r -> InspectionStore.assignment(r.get("a").asNode())))
                    .forEach(a -> result.computeIfAbsent(a.planId(), k -> new ArrayList<>()).add(a));
        }
        return result;
    }

    public List<FindingView> findings(InspectionCaller caller, String planId, List<String> statuses, String before, int limit) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var rows = tx.run("WITH $me AS me, $unit AS unit " + VISIBLE_FINDINGS + """
                        WITH DISTINCT f WHERE ($planId IS NULL OR f.planId = $planId) AND ($statuses IS NULL OR f.status IN $statuses)
                          AND ($before IS NULL OR f.key < $before)
                        RETURN f, """ + INSIDER + """
                         AS insider ORDER BY f.key DESC LIMIT $limit""", params(caller, "planId", planId, "statuses", statuses,
                        "before", before, "limit", limit)).list(InspectionQueries::shown);
                audit.record(tx, caller.username(), "list-findings", rows.stream().map(f -> List.of(f.finding().planId(), f.finding().id())).toList());
                return rows.stream().map(InspectionQueries::redacted).toList();
            });
        }
    }

    public Optional<FindingView> finding(InspectionCaller caller, String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var found = tx.run(VISIBLE_FINDING + "RETURN f, " + INSIDER + " AS insider", params(caller, "id", id))
                        .list(InspectionQueries::shown).stream().findFirst();
                found.ifPresent(f -> audit.record(tx, caller.username(), "read-finding", f.finding().planId(), f.finding().id()));
                return found.map(InspectionQueries::redacted);
            });
        }
    }

    /** The whole finding, for this feature's own checks (who manages it, audit); never returned as is to the unit. */
    Optional<FindingView> visibleFinding(TransactionContext tx, InspectionCaller caller, String id) {
        return tx.run(VISIBLE_FINDING + "RETURN f", params(caller, "id", id))
                .list(r -> InspectionStore.finding(r.get("f").asNode())).stream().findFirst();
    }

    private record Shown(FindingView finding, boolean insider) {
    }

    private static Shown shown(org.neo4j.driver.Record r) {
        return new Shown(InspectionStore.finding(r.get("f").asNode()), r.get("insider").asBoolean());
    }

    private static FindingView redacted(Shown shown) {
        return shown.insider() ? shown.finding() : shown.finding().asSeenByInspectedUnit();
    }

    public Map<String, List<EvidenceView>> evidence(Collection<String> findingIds) {
        var result = new HashMap<String, List<EvidenceView>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("MATCH (e:Evidence) WHERE e.findingId IN $ids RETURN e ORDER BY e.capturedAt, e.clientId",
                    Map.of("ids", List.copyOf(findingIds))).list(r -> r.get("e").asNode()))
                    .forEach(e -> result.computeIfAbsent(e.get("findingId").asString(), k -> new ArrayList<>())
                            .add(InspectionStore.evidence(e)));
        }
        return result;
    }

    public Map<String, RectificationView> rectificationsOfFindings(Collection<String> findingIds) {
        var today = today();
        var result = new HashMap<String, RectificationView>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("MATCH (r:Rectification) WHERE r.findingId IN $ids RETURN r",
                    Map.of("ids", List.copyOf(findingIds))).list(r -> InspectionStore.rectification(r.get("r").asNode(), today)))
                    .forEach(r -> result.put(r.findingId(), r));
        }
        return result;
    }

    /** Orders of plans the caller manages and orders issued to the caller's unit (and its sub-units). */
    public List<RectificationView> rectifications(InspectionCaller caller, List<String> statuses, String before, int limit) {
        var today = today();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var rows = tx.run("""
                        CALL () {
                          MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) MATCH (r:Rectification {planId: p.id}) RETURN r
                          UNION
                          MATCH (t:Organization)-[:PART_OF*0..]->(:Organization {id: $unit})
                          MATCH (r:Rectification {unitId: t.id}) RETURN r
                        }
                        WITH DISTINCT r WHERE ($statuses IS NULL OR r.status IN $statuses) AND ($before IS NULL OR r.key < $before)
                        RETURN r, EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: r.planId}) } AS manager
                        ORDER BY r.key DESC LIMIT $limit""",
                        params(caller, "statuses", statuses, "before", before, "limit", limit)).list(r -> r);
                var orders = rows.stream().map(r -> InspectionStore.rectification(r.get("r").asNode(), today)).toList();
                audit.record(tx, caller.username(), "list-rectifications", orders.stream().map(r -> List.of(r.planId(), r.id())).toList());
                var shown = new ArrayList<RectificationView>();
                for (int i = 0; i < orders.size(); i++) {
                    shown.add(rows.get(i).get("manager").asBoolean() ? orders.get(i) : orders.get(i).asSeenByInspectedUnit());
                }
                return shown;
            });
        }
    }

    /**
     * One order, to the managers of its plan (whole) and the staff of its unit or a unit above it (without the plan
     * and the return visit, as in {@link #rectifications}); audited like the list.
     */
    public Optional<RectificationView> rectification(InspectionCaller caller, String id) {
        var today = today();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var rows = tx.run("""
                        MATCH (r:Rectification {id: $id})
                        WITH r, EXISTS { (:Account {username: $me})-[:MANAGES]->(:InspectionPlan {id: r.planId}) } AS manager
                        WHERE manager OR EXISTS { (:Organization {id: r.unitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
                        RETURN r, manager""", params(caller, "id", id)).list(r -> r);
                if (rows.isEmpty()) {
                    return Optional.<RectificationView>empty();
                }
                var order = InspectionStore.rectification(rows.get(0).get("r").asNode(), today);
                audit.record(tx, caller.username(), "read-rectification", order.planId(), order.id());
                return Optional.of(rows.get(0).get("manager").asBoolean() ? order : order.asSeenByInspectedUnit());
            });
        }
    }

    /** Service halls (units classified service_centre) with fewer than {@code minimum} patrols on {@code day}. */
    public List<PatrolShortfall> patrolShortfalls(LocalDate day, int minimum, String after, int limit) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (h:Organization {classification: 'service_centre'}) WHERE coalesce(h.status, 'active') <> 'dissolved'
                    OPTIONAL MATCH (p:Patrol {day: $day, hallId: h.id})
                    WITH h, count(p) AS patrols WHERE patrols < $minimum
                    WITH h.id AS hall, patrols, right('00000' + toString(patrols), 5) + ':' + h.id AS key
                    WHERE $after IS NULL OR key > $after
                    RETURN hall, patrols ORDER BY key LIMIT $limit""",
                    Values.parameters("day", day.toString(), "minimum", minimum, "after", after, "limit", limit))
                    .list(r -> new PatrolShortfall(r.get("hall").asString(), r.get("patrols").asInt(), minimum)));
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static org.neo4j.driver.Value params(InspectionCaller caller, Object... more) {
        var all = new Object[more.length + 4];
        all[0] = "me";
        all[1] = caller.manager();
        all[2] = "unit";
        all[3] = caller.staff() ? caller.unitId() : null;
        System.arraycopy(more, 0, all, 4, more.length);
        return Values.parameters(all);
    }
}
