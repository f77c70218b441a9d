package org.dutygraph.supervision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.signals.CaseEnding;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Supervised cases and their events in the graph. */
@Component
class CaseEventStore {

    /** A case as first reported: its power item and unit. */
    record CaseKey(String powerItemId, String unitId) {}

    /**
     * An open case as listed for evaluation: {@code settledTerms} is the power item's terms as they were when an
     * evaluation found the case settled (no signal can come until a new event), null otherwise.
     */
    record OpenCaseHead(String id, String powerItemId, String unitId, String settledTerms) {}

    /** An open case with its events and its stored signals (cleared or not, by id), for evaluation. */
    record OpenCase(
            String id, String powerItemId, String unitId, List<CaseEvent> events, Map<String, Boolean> signals) {}

    private final Neo4jClient neo4j;

    CaseEventStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Open cases, a page at a time by id (the open-and-id index, V070, gives them in order). */
    List<OpenCaseHead> openCases(String afterId, int limit) {
        return neo4j
                .query("""
                        MATCH (c:SupervisedCase) WHERE c.open = true AND c.id > $after
                        RETURN c.id AS id, c.powerItemId AS item, c.unitId AS unit, c.settledTerms AS settled
                        ORDER BY c.id LIMIT $limit""")
                .bindAll(Map.of("after", afterId, "limit", limit))
                .fetchAs(OpenCaseHead.class)
                .mappedBy((t, r) -> new OpenCaseHead(
                        r.get("id").asString(),
                        r.get("item").asString(),
                        r.get("unit").asString(),
                        r.get("settled").asString(null)))
                .all()
                .stream()
                .toList();
    }

    /** These cases with their events in time order and their stored signals, in one statement. */
    List<OpenCase> withEvents(List<String> ids) {
        return neo4j
                .query("""
                        UNWIND $ids AS id MATCH (c:SupervisedCase {id: id})
                        RETURN c.id AS id, c.powerItemId AS item, c.unitId AS unit,
                               COLLECT { MATCH (e:CaseEvent)-[:OF_CASE]->(c) WITH e ORDER BY e.atMillis, e.key
                                         RETURN [e.eventId, e.postId, e.kind, e.at, e.step, e.stepLimitDays, e.reason,
                                                 e.feeItem, e.feeAmount] } AS events,
                               COLLECT { MATCH (s:SupervisionSignal)-[:ON_CASE]->(c)
                                         RETURN [s.id, s.clearedAt IS NOT NULL] } AS signals""")
                .bind(ids)
                .to("ids")
                .fetchAs(OpenCase.class)
                .mappedBy((t, r) -> {
                    var id = r.get("id").asString();
                    var item = r.get("item").asString();
                    var unit = r.get("unit").asString();
                    var signals = new HashMap<String, Boolean>();
                    r.get("signals")
                            .values()
                            .forEach(v ->
                                    signals.put(v.get(0).asString(), v.get(1).asBoolean()));
                    return new OpenCase(id, item, unit, r.get("events").asList(v -> event(id, item, unit, v)), signals);
                })
                .all()
                .stream()
                .toList();
    }

    private static CaseEvent event(String caseId, String item, String unit, Value e) {
        var feeItem = e.get(7).asString(null);
        return new CaseEvent(
                e.get(0).asString(),
                caseId,
                item,
                unit,
                e.get(1).asString(null),
                CaseEvent.Kind.valueOf(e.get(2).asString()),
                OffsetDateTime.parse(e.get(3).asString()),
                e.get(4).asString(null),
                e.get(5).isNull() ? null : e.get(5).asInt(),
                e.get(6).asString(null),
                feeItem == null ? null : new CaseEvent.Fee(feeItem, e.get(8).asString()));
    }

    /** Marks cases settled under their power item's terms (a new event of the case unmarks it: {@link #write}). */
    void settle(Map<String, String> termsByCase) {
        var rows = termsByCase.entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "terms", e.getValue()))
                .toList();
        neo4j.query("UNWIND $rows AS row MATCH (c:SupervisedCase {id: row.id}) SET c.settledTerms = row.terms")
                .bind(rows)
                .to("rows")
                .run();
    }

    Map<String, PowerItemTerms> terms(Collection<String> itemIds) {
        var found = new HashMap<String, PowerItemTerms>();
        neo4j.query("""
                        UNWIND $ids AS id MATCH (p:PowerItem {id: id})
                        RETURN p.id AS id, p.statutoryDays AS statutory, p.committedDays AS committed, coalesce(p.feeItems, []) AS fees""")
                .bind(List.copyOf(itemIds))
                .to("ids")
                .fetchAs(PowerItemTerms.class)
                .mappedBy((t, r) -> new PowerItemTerms(
                        r.get("id").asString(),
                        r.get("statutory").isNull() ? null : r.get("statutory").asInt(),
                        r.get("committed").isNull() ? null : r.get("committed").asInt(),
                        Set.copyOf(r.get("fees").asList(Value::asString))))
                .all()
                .forEach(t -> found.put(t.id(), t));
        return found;
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
