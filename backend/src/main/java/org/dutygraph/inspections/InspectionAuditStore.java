package org.dutygraph.inspections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.inspections.InspectionAudit.Access;
import org.dutygraph.inspections.InspectionViews.AuditView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code InspectionAccess} records: who read or changed what of a plan, and when. */
@Component
class InspectionAuditStore {

    private final Neo4jClient neo4j;

    InspectionAuditStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(String username, String action, long at, List<Access> accesses) {
        var rows = accesses.stream()
                .map(a -> Map.of("planId", a.planId(), "subjectId", a.subjectId(), "key", a.key()))
                .toList();
        neo4j.query("""
                        UNWIND $rows AS r
                        CREATE (:InspectionAccess {planId: r.planId, subjectId: r.subjectId, username: $username,
                                action: $action, at: $now, key: r.key})""")
                .bindAll(Map.of("rows", rows, "username", username, "action", action, "now", at))
                .run();
    }

    List<AuditView> page(String planId, String before, int limit) {
        var params = new HashMap<String, Object>();
        params.put("planId", planId);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (a:InspectionAccess {planId: $planId}) WHERE $before IS NULL OR a.key < $before
                        RETURN a ORDER BY a.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(AuditView.class)
                .mappedBy((types, row) -> {
                    var a = row.get("a").asNode();
                    return new AuditView(
                            a.get("username").asString(),
                            a.get("action").asString(),
                            a.get("subjectId").asString(),
                            TimeKeys.utc(a.get("at").asLong()),
                            a.get("key").asString());
                })
                .all());
    }
}
