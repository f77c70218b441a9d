package org.dutygraph.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.supervision.events.CaseEvent;
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

    /** The fingerprint of each stored event among {@code keys}. */
    Map<String, String> fingerprints(Collection<String> keys) {
        var found = new HashMap<String, String>();
        neo4j.query(
                        "UNWIND $keys AS key MATCH (e:CaseEvent {key: key}) RETURN e.key AS key, e.fingerprint AS fingerprint")
                .bind(List.copyOf(keys))
                .to("keys")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("key").asString(), r.get("fingerprint").asString()))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    Map<String, CaseKey> cases(Collection<String> ids) {
        var found = new HashMap<String, CaseKey>();
        neo4j.query(
                        "UNWIND $ids AS id MATCH (c:SupervisedCase {id: id}) RETURN c.id AS id, c.powerItemId AS item, c.unitId AS unit")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(
                        r.get("id").asString(),
                        new CaseKey(r.get("item").asString(), r.get("unit").asString())))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (CaseKey) e.getValue()));
        return found;
    }

    /** Which of {@code ids} exist as nodes of the label (PowerItem, Organization or Post). */
    Set<String> existing(String label, Collection<String> ids) {
        if (!Set.of("PowerItem", "Organization", "Post").contains(label)) throw new IllegalArgumentException(label);
        return new HashSet<>(neo4j.query("UNWIND $ids AS id MATCH (n:" + label + " {id: id}) RETURN n.id AS id")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(String.class)
                .all());
    }

    void write(String system, List<CaseEvent> events, String receivedAt) {
        var rows = new ArrayList<Map<String, Object>>(events.size());
        for (var e : events) {
            var row = new HashMap<String, Object>();
            row.put("key", key(system, e.eventId()));
            row.put("eventId", e.eventId());
            row.put("caseId", e.caseId());
            row.put("powerItemId", e.powerItemId());
            row.put("unitId", e.unitId());
            row.put("postId", e.postId());
            row.put("kind", e.kind().name());
            row.put("at", e.at().toString());
            row.put("atMillis", e.at().toInstant().toEpochMilli());
            row.put("step", e.step());
            row.put("stepLimitDays", e.stepLimitDays());
            row.put("reason", e.reason());
            row.put("feeItem", e.fee() == null ? null : e.fee().item());
            row.put("feeAmount", e.fee() == null ? null : e.fee().amount());
            row.put("fingerprint", fingerprint(e));
            rows.add(row);
        }
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (c:SupervisedCase {id: row.caseId})
                  ON CREATE SET c.powerItemId = row.powerItemId, c.unitId = row.unitId, c.open = true
                SET c.open = true
                REMOVE c.settledTerms
                CREATE (e:CaseEvent {key: row.key})
                SET e += row, e.system = $system, e.receivedAt = $receivedAt
                CREATE (e)-[:OF_CASE]->(c)""")
                .bindAll(Map.of("rows", rows, "system", system, "receivedAt", receivedAt))
                .run();
    }

    static String key(String system, String eventId) {
        return system + "/" + eventId;
    }

    /** What makes two events the same event: every field as sent (times compared as instants with their offset). */
    static String fingerprint(CaseEvent e) {
        return String.join(
                "\u0001",
                e.caseId(),
                e.powerItemId(),
                e.unitId(),
                String.valueOf(e.postId()),
                e.kind().name(),
                e.at().toString(),
                String.valueOf(e.step()),
                String.valueOf(e.stepLimitDays()),
                String.valueOf(e.reason()),
                e.fee() == null ? "null" : e.fee().item() + "\u0002" + e.fee().amount());
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
