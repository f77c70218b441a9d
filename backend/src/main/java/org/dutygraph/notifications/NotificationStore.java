package org.dutygraph.notifications;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code Notification} inbox entries and their {@code PushIntent}s, created together. */
@Component
class NotificationStore {

    private static final String CREATE = """
            UNWIND $rows AS r
            CREATE (:Notification {id: r.id, recipient: r.recipient, kind: r.kind, title: r.title, body: r.body,
                    sensitive: r.sensitive, subjectType: r.subjectType, subjectId: r.subjectId, createdAt: $now,
                    key: r.key})
            CREATE (:PushIntent {id: r.messageId, notificationId: r.id, recipient: r.recipient, state: 'pending',
                    dueAt: $now, attempts: 0, data: r.data, title: r.pushTitle, body: r.pushBody, createdAt: $now,
                    key: r.key})
            """;

    private final Neo4jClient neo4j;

    NotificationStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(TransactionContext tx, List<Map<String, Object>> rows, long now) {
        tx.run(CREATE, Map.of("rows", rows, "now", now)).consume();
    }

    /** In the Spring-managed transaction the caller runs in. */
    void create(List<Map<String, Object>> rows, long now) {
        neo4j.query(CREATE).bindAll(Map.of("rows", rows, "now", now)).run();
    }
}
