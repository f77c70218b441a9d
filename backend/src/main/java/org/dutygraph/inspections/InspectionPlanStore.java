package org.dutygraph.inspections;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code InspectionPlan} nodes and who manages them ({@code MANAGES} from their accounts). */
@Component
class InspectionPlanStore {

    /** A plan to create; {@code inspectorPool} null: any inspector may be drawn. */
    record NewPlan(
            String id,
            String title,
            String method,
            String officeUnitId,
            LocalDate startsOn,
            LocalDate endsOn,
            double samplingRatio,
            int inspectorsPerVisit,
            List<String> inspectorPool,
            List<String> scopeUnitIds,
            List<Item> checklist,
            String checklistId,
            String createdBy,
            List<String> managers,
            long createdAt,
            String key) {}

    private final Neo4jClient neo4j;

    InspectionPlanStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    PlanView create(NewPlan plan) {
        var params = new HashMap<String, Object>();
        params.put("id", plan.id());
        params.put("title", plan.title());
        params.put("method", plan.method());
        params.put("office", plan.officeUnitId());
        params.put("startsOn", plan.startsOn().toString());
        params.put("endsOn", plan.endsOn().toString());
        params.put("ratio", plan.samplingRatio());
        params.put("perVisit", plan.inspectorsPerVisit());
        params.put("pool", plan.inspectorPool());
        params.put("scope", plan.scopeUnitIds());
        params.put("checklist", InspectionJson.json(plan.checklist()));
        params.put("checklistId", plan.checklistId());
        params.put("by", plan.createdBy());
        params.put("managers", plan.managers());
        params.put("now", plan.createdAt());
        params.put("key", plan.key());
        return neo4j.query("""
                        CREATE (p:InspectionPlan {id: $id, title: $title, method: $method, officeUnitId: $office,
                                startsOn: $startsOn, endsOn: $endsOn, samplingRatio: $ratio, inspectorsPerVisit: $perVisit,
                                inspectorPool: $pool, scopeUnitIds: $scope, checklist: $checklist, checklistId: $checklistId, status: 'DRAFT',
                                createdBy: $by, createdAt: $now, key: $key, managers: $managers})
                        WITH p MATCH (acc:Account) WHERE acc.username IN $managers CREATE (acc)-[:MANAGES]->(p)
                        RETURN DISTINCT p""")
                .bindAll(params)
                .fetchAs(PlanView.class)
                .mappedBy((types, row) -> plan(row.get("p").asNode()))
                .one()
                .orElseThrow();
    }

    /** The plan, if {@code manager} manages it (null: nobody, as for a caller who is no inspector). */
    Optional<PlanView> managed(String manager, String planId) {
        var params = new HashMap<String, Object>();
        params.put("me", manager);
        params.put("id", planId);
        return neo4j.query("MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan {id: $id}) RETURN p")
                .bindAll(params)
                .fetchAs(PlanView.class)
                .mappedBy((types, row) -> plan(row.get("p").asNode()))
                .one();
    }

    /** The plans {@code manager} manages, newest first, before the key {@code before} (null: from the newest). */
    List<PlanView> managedPage(String manager, String before, int limit) {
        var params = new HashMap<String, Object>();
        params.put("me", manager);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) WHERE $before IS NULL OR p.key < $before
                        RETURN p ORDER BY p.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(PlanView.class)
                .mappedBy((types, row) -> plan(row.get("p").asNode()))
                .all());
    }

    Optional<PlanView> byId(String planId) {
        return neo4j.query("MATCH (p:InspectionPlan {id: $id}) RETURN p")
                .bindAll(Map.of("id", planId))
                .fetchAs(PlanView.class)
                .mappedBy((types, row) -> plan(row.get("p").asNode()))
                .one();
    }

    /** The inspectors a plan draws from; null when it names none (any inspector). */
    List<String> inspectorPool(String planId) {
        return neo4j.query("MATCH (p:InspectionPlan {id: $id}) RETURN p.inspectorPool AS pool")
                .bindAll(Map.of("id", planId))
                .fetchAs(Value.class)
                .mappedBy((types, row) -> row.get("pool"))
                .one()
                .filter(pool -> !pool.isNull())
                .map(pool -> pool.asList(Value::asString))
                .orElse(null);
    }

    List<String> managers(String planId) {
        return neo4j.query("MATCH (p:InspectionPlan {id: $id}) RETURN p.managers AS managers")
                .bindAll(Map.of("id", planId))
                .fetchAs(Value.class)
                .mappedBy((types, row) -> row.get("managers"))
                .one()
                .map(managers -> managers.asList(Value::asString))
                .orElseThrow();
    }

    private static PlanView plan(Node n) {
        return new PlanView(
                n.get("id").asString(null),
                n.get("title").asString(null),
                n.get("method").asString(null),
                n.get("officeUnitId").asString(null),
                LocalDate.parse(n.get("startsOn").asString(null)),
                LocalDate.parse(n.get("endsOn").asString(null)),
                n.get("samplingRatio").asDouble(),
                n.get("inspectorsPerVisit").asInt(),
                n.get("status").asString(null),
                n.get("scopeUnitIds").asList(Value::asString),
                InspectionJson.items(n.get("checklist").asString(null)),
                n.get("createdBy").asString(null),
                n.get("managers").asList(Value::asString),
                TimeKeys.utc(n.get("createdAt").asLong()),
                n.get("key").asString(null));
    }
}
