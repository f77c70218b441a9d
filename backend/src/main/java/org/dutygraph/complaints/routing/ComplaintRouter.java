package org.dutygraph.complaints.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Decides who handles a complaint from the duty graph (graph-schema/docs/model.md). A named unit,
 * window, post or badge settles it. A matter goes to the units holding duties that exercise it in the
 * place of the incident (a power item: duties exercising it; a matter concept: duties on it or on a broader
 * object): one unit handles it; when several hold it and the conflict analysis found their overlap, the
 * arbiter's unit handles it with the finding attached; otherwise, and for matters in free text, the
 * efficiency office routes it by hand, with the units the graph suggests and why.
 */
@Component
public class ComplaintRouter {

    private final TriageSuggestions suggestions;
    private final Clock clock;

    ComplaintRouter(TriageSuggestions suggestions, Clock clock) {
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /** Routes within the caller's transaction (a submission routes and stores in one). */
    public Routing route(TransactionContext tx, ComplaintTarget target, String areaId) {
        for (var named : new String[]{target.windowId(), target.unitId()}) {
            if (named != null) {
                var unit = tx.run("MATCH (o:Organization {id: $id}) RETURN o.name AS name", Map.of("id", named)).list();
                if (!unit.isEmpty()) {
                    return Routing.named(named, unit.get(0).get("name").asString());
                }
            }
        }
        if (target.postId() != null) {
            var unit = single(tx.run("MATCH (:Post {id: $id})-[:IN_ORG]->(o) RETURN o.id AS id",
                    Map.of("id", target.postId())).list(r -> r.get("id").asString()));
            if (unit.isPresent()) {
                return Routing.to(unit.get(), "the unit of the post named by the citizen");
            }
        }
        if (target.badgeNumber() != null) {
            var unit = single(tx.run("""
                    MATCH (:Person {id: $badge})-[h:HOLDS]->(:Post)-[:IN_ORG]->(o)
                    WHERE h.endDate IS NULL OR h.endDate >= $today RETURN DISTINCT o.id AS id""",
                    Map.of("badge", target.badgeNumber().trim(), "today", LocalDate.now(clock).toString()))
                    .list(r -> r.get("id").asString()));
            if (unit.isPresent()) {
                return Routing.to(unit.get(), "the unit of the staff member with that badge number");
            }
        }
        if (target.powerItemId() != null) {
            return byMatter(tx, Named.POWER_ITEM, target.powerItemId(), areaId);
        }
        if (target.matterId() != null) {
            return byMatter(tx, Named.MATTER, target.matterId(), areaId);
        }
        if (target.matterText() != null && !target.matterText().isBlank()) {
            return Routing.triage("市民用文字描述事项，由效能办分办；附按职责和事项匹配的建议单位",
                    suggestions.forText(tx, target.matterText(), areaId));
        }
        return Routing.triage("nothing the complaint names is in the duty graph", List.of());
    }

    /** How a matter is named: the duties it selects, and the words that explain the outcome. */
    enum Named {
        POWER_ITEM("MATCH (d:Duty)-[:EXERCISES]->(:PowerItem {id: $matter})",
                "the only unit holding a duty that exercises this matter there",
                "no unit holds a duty exercising this matter in that place",
                " units hold this matter there and overlap: sent to the arbiter's unit, ",
                " units hold this matter there and no overlap finding names an arbiter",
                "holds a duty exercising this matter there"),
        // a duty on a broader object covers every narrower one (a duty on 非煤矿山 covers 石膏矿)
        MATTER("MATCH (:Concept {id: $matter})-[:BROADER*0..]->(:Concept)<-[:ON_OBJECT]-(d:Duty) WITH DISTINCT d",
                "市民选择的事项在事发地只有该单位承担职责",
                "事发地没有单位承担市民选择的事项，由效能办分办",
                "个单位在事发地都承担市民选择的事项，职责交叉，转仲裁方所在单位：",
                "个单位在事发地都承担市民选择的事项，冲突分析未指定仲裁方，由效能办分办",
                "在事发地承担市民选择的事项");

        final String duties;
        final String only;
        final String none;
        final String arbiter;
        final String noArbiter;
        final String holds;

        Named(String duties, String only, String none, String arbiter, String noArbiter, String holds) {
            this.duties = duties;
            this.only = only;
            this.none = none;
            this.arbiter = arbiter;
            this.noArbiter = noArbiter;
            this.holds = holds;
        }
    }

    private static Routing byMatter(TransactionContext tx, Named named, String matter, String areaId) {
        var params = new HashMap<String, Object>();
        params.put("matter", matter);
        params.put("area", areaId);
        var holders = tx.run(named.duties + "\nWITH d WHERE " + DutyPlace.ACTIVE + "\n" + DutyPlace.HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, collect(d.id) AS duties ORDER BY unit""", params)
                .list(r -> Map.entry(r.get("unit").asString(), r.get("duties").asList(Value::asString)));
        if (holders.isEmpty()) {
            return Routing.triage(named.none, List.of());
        }
        if (holders.size() == 1) {
            return Routing.to(holders.get(0).getKey(), named.only);
        }
        var units = holders.stream().map(Map.Entry::getKey).toList();
        var suggested = units.stream().map(u -> new Routing.Suggestion(u, named.holds)).toList();
        var duties = holders.stream().flatMap(e -> e.getValue().stream()).toList();
        var finding = tx.run("""
                MATCH (f:Finding) WHERE f.kind = 'overlap' AND f.active AND f.status <> 'waived'
                  AND f.arbiterPostId IS NOT NULL AND any(x IN f.duties WHERE x IN $duties)
                MATCH (:Post {id: f.arbiterPostId})-[:IN_ORG]->(o)
                RETURN f.id AS finding, o.id AS unit, o.name AS name ORDER BY f.id LIMIT 1""", Map.of("duties", duties)).list();
        if (!finding.isEmpty()) {
            var f = finding.get(0);
            return new Routing(f.get("unit").asString(), units.size() + named.arbiter + f.get("name").asString(),
                    f.get("finding").asString(), suggested);
        }
        return Routing.triage(units.size() + named.noArbiter, suggested);
    }

    private static Optional<String> single(List<String> ids) {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
