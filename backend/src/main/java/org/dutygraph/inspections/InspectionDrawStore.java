package org.dutygraph.inspections;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.inspections.InspectionViews.DrawExclusion;
import org.dutygraph.inspections.InspectionViews.DrawView;
import org.dutygraph.inspections.draw.DoubleRandomDraw;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.security.Account;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The {@code InspectionDraw} of a plan, the visits ({@code Assignment}s) it made, and what excludes an inspector. */
@Component
class InspectionDrawStore {

    /** A draw as recorded, with what a replay needs besides the view. */
    record RecordedDraw(DrawView view, int targetCount, int perVisit) {}

    record NewDraw(
            String id,
            String planId,
            String seed,
            String algorithm,
            long drawnAt,
            String drawnBy,
            List<String> targets,
            List<String> inspectors,
            int targetCount,
            int perVisit,
            List<DrawExclusion> exclusions) {}

    /** A drawn visit, {@code order} its place in the draw; {@code key} orders it among the inspectors' assignments. */
    record NewVisit(String id, String targetId, List<String> inspectors, int order, String key) {}

    private final Neo4jClient neo4j;

    InspectionDrawStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The draws of these plans, by plan id (undrawn plans are absent). */
    Map<String, DrawView> ofPlans(Collection<String> planIds) {
        return neo4j
                .query("MATCH (d:InspectionDraw) WHERE d.planId IN $ids RETURN d")
                .bind(List.copyOf(planIds))
                .to("ids")
                .fetchAs(DrawView.class)
                .mappedBy((types, row) -> view(row.get("d").asNode()))
                .all()
                .stream()
                .collect(Collectors.toMap(DrawView::planId, Function.identity()));
    }

    Optional<RecordedDraw> ofPlan(String planId) {
        return neo4j.query("MATCH (d:InspectionDraw {planId: $id}) RETURN d")
                .bind(planId)
                .to("id")
                .fetchAs(RecordedDraw.class)
                .mappedBy((types, row) -> {
                    var d = row.get("d").asNode();
                    return new RecordedDraw(
                            view(d),
                            d.get("targetCount").asInt(),
                            d.get("perVisit").asInt());
                })
                .one();
    }

    /** The visits a plan's draw assigned, in draw order. */
    List<DoubleRandomDraw.Visit> drawnVisits(String planId) {
        return List.copyOf(neo4j.query("""
                        MATCH (a:Assignment {planId: $id, kind: 'VISIT'}) RETURN a.targetUnitId AS t, a.inspectors AS i
                        ORDER BY a.drawOrder""")
                .bind(planId)
                .to("id")
                .fetchAs(DoubleRandomDraw.Visit.class)
                .mappedBy((types, row) -> new DoubleRandomDraw.Visit(
                        row.get("t").asString(), row.get("i").asList(Value::asString)))
                .all());
    }

    /** Inspectors whose unit is a target, contains it or lies inside it. */
    List<DrawExclusion> sameUnit(List<String> targets, List<Account> inspectors) {
        var people = inspectors.stream()
                .filter(a -> a.unitId() != null)
                .map(a -> Map.of("username", a.username(), "unitId", a.unitId()))
                .toList();
        return List.copyOf(neo4j.query("""
                        UNWIND $targets AS t
                        MATCH (tu:Organization {id: t})
                        UNWIND $people AS i
                        MATCH (iu:Organization {id: i.unitId})
                        WITH t, i, tu, iu WHERE tu = iu OR EXISTS { (tu)-[:PART_OF*1..]->(iu) } OR EXISTS { (iu)-[:PART_OF*1..]->(tu) }
                        RETURN t, i.username AS username""")
                .bindAll(Map.of("targets", targets, "people", people))
                .fetchAs(DrawExclusion.class)
                .mappedBy((types, row) -> new DrawExclusion(
                        row.get("t").asString(), row.get("username").asString(), "SAME_UNIT"))
                .all());
    }

    /** Inspectors who visited a target since {@code cutoff} (epoch millis). */
    List<DrawExclusion> recentVisits(List<String> targets, long cutoff) {
        return List.copyOf(neo4j.query("""
                        MATCH (a:Assignment) WHERE a.targetUnitId IN $targets AND a.visitedAt >= $cutoff
                        UNWIND a.inspectors AS username
                        RETURN DISTINCT a.targetUnitId AS t, username""")
                .bindAll(Map.of("targets", targets, "cutoff", cutoff))
                .fetchAs(DrawExclusion.class)
                .mappedBy((types, row) -> new DrawExclusion(
                        row.get("t").asString(), row.get("username").asString(), "RECENT_VISIT"))
                .all());
    }

    /** Records the draw, marks the plan drawn and creates its visits, assigned to their inspectors. */
    void record(NewDraw draw, List<NewVisit> visits) {
        var d = new HashMap<String, Object>();
        d.put("id", draw.id());
        d.put("planId", draw.planId());
        d.put("seed", draw.seed());
        d.put("algorithm", draw.algorithm());
        d.put("drawnAt", draw.drawnAt());
        d.put("drawnBy", draw.drawnBy());
        d.put("targets", draw.targets());
        d.put("inspectors", draw.inspectors());
        d.put("targetCount", draw.targetCount());
        d.put("perVisit", draw.perVisit());
        d.put("exclusions", InspectionJson.json(draw.exclusions()));
        var rows = visits.stream()
                .map(v -> Map.of(
                        "id",
                        v.id(),
                        "target",
                        v.targetId(),
                        "inspectors",
                        v.inspectors(),
                        "order",
                        v.order(),
                        "key",
                        v.key()))
                .toList();
        neo4j.query("""
                        CREATE (:InspectionDraw {id: $d.id, planId: $d.planId, seed: $d.seed, algorithm: $d.algorithm,
                                drawnAt: $d.drawnAt, drawnBy: $d.drawnBy, candidateTargets: $d.targets,
                                candidateInspectors: $d.inspectors, targetCount: $d.targetCount, perVisit: $d.perVisit,
                                exclusions: $d.exclusions})
                        WITH 1 AS one
                        MATCH (p:InspectionPlan {id: $d.planId}) SET p.status = 'DRAWN'
                        WITH p
                        UNWIND $rows AS r
                        CREATE (a:Assignment {id: r.id, kind: 'VISIT', status: 'ASSIGNED', planId: p.id, method: p.method,
                                targetUnitId: r.target, inspectors: r.inspectors, dueFrom: p.startsOn, dueBy: p.endsOn,
                                checklist: p.checklist, checklistId: coalesce(p.checklistId, 'plan-' + p.id), drawOrder: r.order,
                                key: r.key})
                        WITH a, r UNWIND r.inspectors AS username
                        MATCH (acc:Account {username: username}) CREATE (acc)-[:ASSIGNED]->(a)""").bindAll(Map.of("d", d, "rows", rows)).run();
    }

    private static DrawView view(Node d) {
        List<DrawExclusion> exclusions = InspectionJson.JSON.readValue(
                d.get("exclusions").asString(), new TypeReference<List<DrawExclusion>>() {});
        return new DrawView(
                d.get("id").asString(),
                d.get("planId").asString(),
                d.get("seed").asString(),
                d.get("algorithm").asString(),
                TimeKeys.utc(d.get("drawnAt").asLong()),
                d.get("drawnBy").asString(),
                d.get("candidateTargets").asList(Value::asString),
                d.get("candidateInspectors").asList(Value::asString),
                exclusions);
    }
}
