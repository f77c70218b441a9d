package org.dutygraph.inspections;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.dutygraph.inspections.InspectionViews.AuditView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Component;

/** Every read and change of a plan, its assignments and findings, recorded in the same transaction. */
@Component
public class InspectionAudit {

    private final Driver driver;
    private final Clock clock;

    InspectionAudit(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    /** @param subjects (planId, subjectId) pairs */
    void record(TransactionContext tx, String username, String action, Collection<List<String>> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        long now = clock.millis();
        var rows = subjects.stream().map(s -> Map.of("planId", s.get(0), "subjectId", s.get(1),
                "key", TimeKeys.key(now, java.util.UUID.randomUUID().toString()))).toList();
        tx.run("""
                UNWIND $rows AS r
                CREATE (:InspectionAccess {planId: r.planId, subjectId: r.subjectId, username: $username,
                        action: $action, at: $now, key: r.key})""",
                Map.of("rows", rows, "username", username, "action", action, "now", now)).consume();
    }

    void record(TransactionContext tx, String username, String action, String planId, String subjectId) {
        record(tx, username, action, List.of(List.of(planId, subjectId)));
    }

    public List<AuditView> page(String planId, String before, int limit) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:InspectionAccess {planId: $planId}) WHERE $before IS NULL OR a.key < $before
                    RETURN a ORDER BY a.key DESC LIMIT $limit""",
                    Values.parameters("planId", planId, "before", before, "limit", limit))
                    .list(r -> {
                        var a = r.get("a").asNode();
                        return new AuditView(a.get("username").asString(), a.get("action").asString(),
                                a.get("subjectId").asString(), TimeKeys.utc(a.get("at").asLong()), a.get("key").asString());
                    }));
        }
    }
}
