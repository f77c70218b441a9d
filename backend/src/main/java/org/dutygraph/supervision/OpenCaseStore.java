package org.dutygraph.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The open cases as the evaluation reads them. A case an evaluation found quiet is marked with its power item's terms
 * ({@code settledTerms}) and the moment it wakes ({@code settledUntil}, epoch milliseconds; absent: no moment): it is
 * left in the graph, unread, until that moment comes, its terms change, or a new event (which removes the mark).
 */
@Component
class OpenCaseStore {

    /** An open case with its events in time order and its stored signals by id. */
    record OpenCase(
            String id,
            String powerItemId,
            String unitId,
            List<CaseEvent> events,
            Map<String, SignalEvaluation.Stored> signals) {}

    /** How a quiet case is marked: the terms it was evaluated under, and when it wakes (null: never by itself). */
    record Quiet(String terms, Long untilMillis) {}

    private final Neo4jClient neo4j;

    OpenCaseStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Through the (open, id) index (V070): every case has an id, so the condition on it leaves none out. */
    long countOpen() {
        return neo4j.query("MATCH (c:SupervisedCase) WHERE c.open = true AND c.id IS NOT NULL RETURN count(c) AS n")
                .fetchAs(Long.class)
                .one()
                .orElse(0L);
    }

    /** The terms of every power item that has any (an item absent here has none: its signature is empty). */
    Map<String, PowerItemTerms> allTerms() {
        var found = new HashMap<String, PowerItemTerms>();
        neo4j.query("""
                        MATCH (p:PowerItem)
                        WHERE p.statutoryDays IS NOT NULL OR p.committedDays IS NOT NULL OR p.feeItems IS NOT NULL
                        RETURN p.id AS id, p.statutoryDays AS statutory, p.committedDays AS committed, coalesce(p.feeItems, []) AS fees""")
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

    /**
     * The next open cases after {@code afterId} by id (the open-and-id index, V070, gives them in order) that are not
     * quiet at {@code atMillis} under {@code signatures} (power item id to its terms' signature, absent: ""), with
     * their events and stored signals: quiet cases are skipped inside the database, never sent.
     */
    List<OpenCase> page(String afterId, int limit, Map<String, String> signatures, long atMillis) {
        return neo4j
                .query("""
                        MATCH (c:SupervisedCase) WHERE c.open = true AND c.id > $after
                          AND (c.settledTerms IS NULL OR c.settledTerms <> coalesce($terms[c.powerItemId], '')
                               OR c.settledUntil <= $at)
                        WITH c ORDER BY c.id LIMIT $limit
                        RETURN c.id AS id, c.powerItemId AS item, c.unitId AS unit,
                               COLLECT { MATCH (e:CaseEvent)-[:OF_CASE]->(c) WITH e ORDER BY e.atMillis, e.key
                                         RETURN [e.eventId, e.postId, e.kind, e.at, e.step, e.stepLimitDays, e.reason,
                                                 e.feeItem, e.feeAmount, e.atMillis, e.atOffset] } AS events,
                               COLLECT { MATCH (s:SupervisionSignal)-[:ON_CASE]->(c)
                                         RETURN [s.id, s.clearedAt IS NOT NULL, s.raisedAt] } AS signals""")
                .bindAll(Map.of("after", afterId, "limit", limit, "terms", signatures, "at", atMillis))
                .fetchAs(OpenCase.class)
                .mappedBy((t, r) -> {
                    var id = r.get("id").asString();
                    var item = r.get("item").asString();
                    var unit = r.get("unit").asString();
                    var signals = new HashMap<String, SignalEvaluation.Stored>();
                    r.get("signals")
                            .values()
                            .forEach(v -> signals.put(
                                    v.get(0).asString(),
                                    new SignalEvaluation.Stored(
                                            v.get(1).asBoolean(),
                                            v.get(2).isNull()
                                                    ? null
                                                    : v.get(2).asZonedDateTime().toInstant())));
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
                CaseEventIntakeStore.storedTime(
                        e.get(3).isNull() ? null : e.get(3).asString(),
                        e.get(9).isNull() ? null : e.get(9).asLong(),
                        e.get(10).isNull() ? null : e.get(10).asLong()),
                e.get(4).asString(null),
                e.get(5).isNull() ? null : e.get(5).asInt(),
                e.get(6).asString(null),
                feeItem == null ? null : new CaseEvent.Fee(feeItem, e.get(8).asString()));
    }

    /** Marks cases quiet (a new event of the case removes {@code settledTerms}: CaseEventStore.write). */
    void quiet(Map<String, Quiet> byCase) {
        var rows = new ArrayList<Map<String, Object>>(byCase.size());
        byCase.forEach((id, q) -> {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("terms", q.terms());
            row.put("until", q.untilMillis());
            rows.add(row);
        });
        neo4j.query("""
                        UNWIND $rows AS row MATCH (c:SupervisedCase {id: row.id})
                        SET c.settledTerms = row.terms, c.settledUntil = row.until""").bind(rows).to("rows").run();
    }
}
