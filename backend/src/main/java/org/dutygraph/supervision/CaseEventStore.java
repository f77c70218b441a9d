package org.dutygraph.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.supervision.signals.CaseEnding;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Supervised cases and their events in the graph. */
@Component
class CaseEventStore {

    /** A case as first reported: its power item and unit. */
    record CaseKey(String powerItemId, String unitId) {}

    private final Neo4jClient neo4j;

    CaseEventStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A unit and a power item of its cases, whose responsible post is looked up. */
    record UnitItem(String unitId, String powerItemId) {}

    /**
     * The post holding a duty that exercises the item in the unit or a unit below it (lowest id), else the unit's
     * principal, else its head: for each pair, in one statement (absent when there is none).
     */
    Map<UnitItem, String> responsiblePosts(Collection<UnitItem> pairs) {
        var rows = pairs.stream()
                .map(p -> Map.of("unit", p.unitId(), "item", p.powerItemId()))
                .toList();
        var found = new HashMap<UnitItem, String>();
        neo4j.query("""
                        UNWIND $pairs AS pair
                        OPTIONAL CALL (pair) {
                          MATCH (:PowerItem {id: pair.item})<-[:EXERCISES]-(d:Duty)-[:HELD_BY]->(p:Post)-[:IN_ORG]->(:Organization)
                                -[:PART_OF*0..]->(:Organization {id: pair.unit})
                          WHERE coalesce(d.status, 'active') <> 'withdrawn' AND coalesce(p.status, 'active') <> 'dissolved'
                          RETURN p.id AS dutyPost ORDER BY p.id LIMIT 1 }
                        OPTIONAL CALL (pair) {
                          MATCH (head:Post)-[:IN_ORG]->(:Organization {id: pair.unit})
                          WHERE head.role IN ['principal', 'head'] AND coalesce(head.status, 'active') <> 'dissolved'
                          RETURN head.id AS headPost ORDER BY CASE head.role WHEN 'principal' THEN 0 ELSE 1 END, head.id LIMIT 1 }
                        WITH pair, coalesce(dutyPost, headPost) AS post WHERE post IS NOT NULL
                        RETURN pair.unit AS unit, pair.item AS item, post""")
                .bind(rows)
                .to("pairs")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(
                        new UnitItem(r.get("unit").asString(), r.get("item").asString()),
                        r.get("post").asString()))
                .all()
                .forEach(e -> found.put((UnitItem) e.getKey(), (String) e.getValue()));
        return found;
    }

    /** How each case ended, for the monthly statistics (written again when a later event changes it). */
    void recordEndings(Map<String, CaseEnding> endings) {
        var rows = new ArrayList<Map<String, Object>>(endings.size());
        endings.forEach((id, e) -> {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("endedAt", e.endedAt().atOffset(java.time.ZoneOffset.UTC));
            row.put("concluded", e.concluded());
            row.put("postId", e.postId() == null || e.postId().isEmpty() ? null : e.postId());
            row.put("committedDays", e.committedDays());
            row.put("daysUsed", e.daysUsed());
            row.put("onTime", e.onTime());
            rows.add(row);
        });
        neo4j.query("""
                UNWIND $rows AS row MATCH (c:SupervisedCase {id: row.id})
                SET c.endedAt = row.endedAt, c.concluded = row.concluded, c.endPostId = row.postId,
                    c.committedDays = row.committedDays, c.daysUsed = row.daysUsed, c.onTime = row.onTime""").bind(rows).to("rows").run();
    }

    void close(Collection<String> caseIds) {
        neo4j.query("UNWIND $ids AS id MATCH (c:SupervisedCase {id: id}) SET c.open = false")
                .bind(List.copyOf(caseIds))
                .to("ids")
                .run();
    }
}
