package org.dutygraph.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** What is due for a reminder, taken once: each method marks what it returns as reminded. */
@Component
class InspectionReminderStore {

    record DueOrder(String id, String unitId, String rectifyBy) {}

    record DueReturnVisit(String id, List<String> inspectors, String dueBy) {}

    private static final int BATCH = 500;

    private final Neo4jClient neo4j;

    InspectionReminderStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Open orders due by {@code lastDay}, not reminded yet (at most a batch). */
    List<DueOrder> takeDueOrders(LocalDate lastDay, long now) {
        return List.copyOf(neo4j.query("""
                        MATCH (r:Rectification {status: 'ORDERED'}) WHERE r.rectifyBy <= $tomorrow AND r.remindedAt IS NULL
                        WITH r LIMIT $batch SET r.remindedAt = $now
                        RETURN r.id AS id, r.unitId AS unit, r.rectifyBy AS by""")
                .bindAll(Map.of("tomorrow", lastDay.toString(), "now", now, "batch", BATCH))
                .fetchAs(DueOrder.class)
                .mappedBy((types, row) -> new DueOrder(
                        row.get("id").asString(),
                        row.get("unit").asString(),
                        row.get("by").asString()))
                .all());
    }

    /** Return visits due on {@code today}, not reminded yet (at most a batch). */
    List<DueReturnVisit> takeDueReturnVisits(LocalDate today, long now) {
        return List.copyOf(neo4j.query("""
                        MATCH (a:Assignment {kind: 'RETURN_VISIT', status: 'ASSIGNED'})
                        WHERE a.dueFrom <= $today AND a.remindedAt IS NULL
                        WITH a LIMIT $batch SET a.remindedAt = $now
                        RETURN a.id AS id, a.inspectors AS inspectors, a.dueBy AS by""")
                .bindAll(Map.of("today", today.toString(), "now", now, "batch", BATCH))
                .fetchAs(DueReturnVisit.class)
                .mappedBy((types, row) -> new DueReturnVisit(
                        row.get("id").asString(),
                        row.get("inspectors").asList(Value::asString),
                        row.get("by").asString()))
                .all());
    }
}
