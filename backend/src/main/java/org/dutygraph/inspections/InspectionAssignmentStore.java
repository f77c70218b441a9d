package org.dutygraph.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.inspections.InspectionViews.AssignmentView;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code Assignment} nodes (drawn visits and return visits) and the checklists they carry. */
@Component
class InspectionAssignmentStore {

    private final Neo4jClient neo4j;

    InspectionAssignmentStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The inspector's assignments by key, after the key {@code after} (null: from the first). */
    List<AssignmentView> mine(String inspector, boolean includeDone, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("me", inspector);
        params.put("includeDone", includeDone);
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment)
                        WHERE ($includeDone OR a.status = 'ASSIGNED') AND ($after IS NULL OR a.key > $after)
                        RETURN a ORDER BY a.key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(AssignmentView.class)
                .mappedBy((types, row) -> assignment(row.get("a").asNode()))
                .all());
    }

    /** An assignment its inspectors and its plan's managers see. */
    Optional<AssignmentView> visible(String manager, String id) {
        var params = new HashMap<String, Object>();
        params.put("me", manager);
        params.put("id", id);
        return neo4j
                .query("""
                        MATCH (a:Assignment {id: $id}) MATCH (p:InspectionPlan {id: a.planId})
                        WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) }
                           OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(a) }
                        RETURN a""")
                .bindAll(params)
                .fetchAs(AssignmentView.class)
                .mappedBy((types, row) -> assignment(row.get("a").asNode()))
                .all()
                .stream()
                .findFirst();
    }

    /** The items of every checklist with id {@code checklistId} on the caller's assignments or on plans they manage. */
    List<List<Item>> checklists(String manager, String checklistId) {
        var params = new HashMap<String, Object>();
        params.put("me", manager);
        params.put("id", checklistId);
        return List.copyOf(
                        neo4j.query("""
                        CALL () {
                          MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment) RETURN a.planId AS planId, a.checklistId AS cid,
                                 a.checklist AS items
                          UNION
                          MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) RETURN p.id AS planId, p.checklistId AS cid,
                                 p.checklist AS items
                        }
                        WITH planId, cid, items WHERE coalesce(cid, 'plan-' + planId) = $id
                        RETURN DISTINCT items""").bindAll(params).fetchAs(String.class).all())
                .stream()
                .map(InspectionJson::items)
                .toList();
    }

    /** The assignments of these plans, by plan id: drawn visits in draw order, then return visits. */
    Map<String, List<AssignmentView>> ofPlans(Collection<String> planIds) {
        var result = new HashMap<String, List<AssignmentView>>();
        neo4j.query(
                        "MATCH (a:Assignment) WHERE a.planId IN $ids RETURN a ORDER BY a.drawOrder IS NULL, a.drawOrder, a.key")
                .bind(List.copyOf(planIds))
                .to("ids")
                .fetchAs(AssignmentView.class)
                .mappedBy((types, row) -> assignment(row.get("a").asNode()))
                .all()
                .forEach(a -> result.computeIfAbsent(a.planId(), k -> new ArrayList<>())
                        .add(a));
        return result;
    }

    /** Assignments drawn before checklists had ids name their plan's own (the version is always the items' hash). */
    private static AssignmentView assignment(Node n) {
        var checklist = InspectionJson.items(n.get("checklist").asString(null));
        var planId = n.get("planId").asString(null);
        var checklistId = n.get("checklistId").asString(null) == null
                ? Checklists.idOf(null, planId)
                : n.get("checklistId").asString(null);
        return new AssignmentView(
                n.get("id").asString(null),
                n.get("kind").asString(null),
                n.get("status").asString(null),
                planId,
                n.get("method").asString(null),
                n.get("targetUnitId").asString(null),
                n.get("inspectors").asList(Value::asString),
                LocalDate.parse(n.get("dueFrom").asString(null)),
                LocalDate.parse(n.get("dueBy").asString(null)),
                checklist,
                checklistId,
                Checklists.version(checklist),
                n.get("rectificationId").asString(null),
                n.get("key").asString(null));
    }
}
