package org.dutygraph.complaints.routing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.platform.search.FullTextQuery;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Decides who handles a complaint from the duty graph (graph-schema/docs/model.md). A named unit,
 * window, post or badge settles it. A matter goes to the units holding duties that exercise it in the
 * place of the incident: one unit handles it; when several hold it and the conflict analysis found their
 * overlap, the arbiter's unit handles it with the finding attached; otherwise, and for matters in free
 * text, the efficiency office routes it by hand, with the units the graph suggests.
 */
@Component
public class ComplaintRouter {

    private static final int SUGGESTIONS = 5;

    private final Driver driver;

    ComplaintRouter(Driver driver) {
        this.driver = driver;
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
                    Map.of("badge", target.badgeNumber().trim(), "today", LocalDate.now().toString()))
                    .list(r -> r.get("id").asString()));
            if (unit.isPresent()) {
                return Routing.to(unit.get(), "the unit of the staff member with that badge number");
            }
        }
        if (target.powerItemId() != null) {
            return byMatter(tx, target.powerItemId(), areaId);
        }
        if (target.matterText() != null && !target.matterText().isBlank()) {
            return Routing.triage("the matter is in free text; units whose duties match its wording are suggested",
                    byWording(tx, target.matterText()));
        }
        return Routing.triage("nothing the complaint names is in the duty graph", List.of());
    }

    private static Routing byMatter(TransactionContext tx, String powerItemId, String areaId) {
        var params = new HashMap<String, Object>();
        params.put("item", powerItemId);
        params.put("area", areaId);
        var holders = tx.run("""
                MATCH (d:Duty)-[:EXERCISES]->(:PowerItem {id: $item})
                MATCH (d)-[:HELD_BY]->(h)
                OPTIONAL MATCH (h)-[:IN_ORG]->(po)
                WITH d, coalesce(po, h) AS unit
                OPTIONAL MATCH (d)-[:IN_AREA]->(own)
                OPTIONAL MATCH path = (unit)-[:PART_OF*0..]->(:Organization)-[:IN_AREA]->(inherited)
                WITH d, unit, own, inherited ORDER BY length(path)
                WITH d, unit, own, head(collect(inherited)) AS nearest
                WITH d, unit, coalesce(own, nearest) AS area
                WHERE $area IS NULL OR area IS NULL OR EXISTS { MATCH (:Area {id: $area})-[:WITHIN*0..]->(area) }
                RETURN unit.id AS unit, collect(d.id) AS duties ORDER BY unit""", params)
                .list(r -> Map.entry(r.get("unit").asString(), r.get("duties").asList(Value::asString)));
        if (holders.isEmpty()) {
            return Routing.triage("no unit holds a duty exercising this matter in that place", List.of());
        }
        if (holders.size() == 1) {
            return Routing.to(holders.get(0).getKey(), "the only unit holding a duty that exercises this matter there");
        }
        var units = holders.stream().map(Map.Entry::getKey).toList();
        var duties = holders.stream().flatMap(e -> e.getValue().stream()).toList();
        var finding = tx.run("""
                MATCH (f:Finding) WHERE f.kind = 'overlap' AND f.active AND f.status <> 'waived'
                  AND f.arbiterPostId IS NOT NULL AND any(x IN f.duties WHERE x IN $duties)
                MATCH (:Post {id: f.arbiterPostId})-[:IN_ORG]->(o)
                RETURN f.id AS finding, o.id AS unit, o.name AS name ORDER BY f.id LIMIT 1""", Map.of("duties", duties)).list();
        if (!finding.isEmpty()) {
            var f = finding.get(0);
            return new Routing(f.get("unit").asString(), units.size() + " units hold this matter there and overlap: sent to "
                    + "the arbiter's unit, " + f.get("name").asString(), f.get("finding").asString(), units);
        }
        return Routing.triage(units.size() + " units hold this matter there and no overlap finding names an arbiter", units);
    }

    private static List<String> byWording(TransactionContext tx, String text) {
        var words = FullTextQuery.leading(text.replaceAll("[^\\p{L}\\p{N}]+", " "));
        if (words.isEmpty()) {
            return List.of();
        }
        var query = words.get();
        return tx.run("""
                CALL db.index.fulltext.queryNodes('duty_text', $q) YIELD node, score
                WITH node, score ORDER BY score DESC LIMIT 50
                MATCH (node)-[:HELD_BY]->(h)
                OPTIONAL MATCH (h)-[:IN_ORG]->(po)
                WITH coalesce(po, h) AS unit, max(score) AS best
                RETURN unit.id AS id ORDER BY best DESC, id LIMIT $n""", Map.of("q", query, "n", SUGGESTIONS))
                .list(r -> r.get("id").asString());
    }

    private static Optional<String> single(List<String> ids) {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
