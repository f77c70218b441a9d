package org.dutygraph.inspections;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.dutygraph.inspections.InspectionViews.PatrolShortfall;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Routine patrols of service halls ({@code Patrol} nodes, one per synced patrol, by local day). */
@Component
class PatrolStore {

    private final Neo4jClient neo4j;

    PatrolStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Service halls (units classified service_centre) with fewer than {@code minimum} patrols on {@code day}. */
    List<PatrolShortfall> shortfalls(LocalDate day, int minimum, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("day", day.toString());
        params.put("minimum", minimum);
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (h:Organization {classification: 'service_centre'}) WHERE coalesce(h.status, 'active') <> 'dissolved'
                        OPTIONAL MATCH (p:Patrol {day: $day, hallId: h.id})
                        WITH h, count(p) AS patrols WHERE patrols < $minimum
                        WITH h.id AS hall, patrols, right('00000' + toString(patrols), 5) + ':' + h.id AS key
                        WHERE $after IS NULL OR key > $after
                        RETURN hall, patrols ORDER BY key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(PatrolShortfall.class)
                .mappedBy((types, row) -> new PatrolShortfall(
                        row.get("hall").asString(), row.get("patrols").asInt(), minimum))
                .all());
    }
}
