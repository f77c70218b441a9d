package org.dutygraph.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public interface of the notifications feature. A feature that changes something and must tell
 * someone calls {@link #enqueue} inside its own write transaction: the inbox entry and the push intent
 * commit or roll back with the change (transactional outbox), and the dispatcher delivers them later,
 * at least once.
 */
@Service
public class Notifications {

    private static final String CREATE = """
            UNWIND $rows AS r
            CREATE (:Notification {id: r.id, recipient: r.recipient, kind: r.kind, title: r.title, body: r.body,
                    sensitive: r.sensitive, subjectType: r.subjectType, subjectId: r.subjectId, createdAt: $now,
                    key: r.key})
            CREATE (:PushIntent {id: r.messageId, notificationId: r.id, recipient: r.recipient, state: 'pending',
                    dueAt: $now, attempts: 0, data: r.data, title: r.pushTitle, body: r.pushBody, createdAt: $now,
                    key: r.key})
            """;

    private final Clock clock;
    private final Neo4jClient neo4j;

    Notifications(Clock clock, Neo4jClient neo4j) {
        this.clock = clock;
        this.neo4j = neo4j;
    }

    /** Stores the notifications and their push intents in {@code tx}; returns the notification ids in order. */
    public List<String> enqueue(TransactionContext tx, List<NotificationRequest> requests) {
        var now = clock.millis();
        var rows = rows(requests, now);
        tx.run(CREATE, Map.of("rows", rows, "now", now)).consume();
        return ids(rows);
    }

    /**
     * As {@link #enqueue(TransactionContext, List)}, in the Spring-managed transaction of the caller
     * ({@code GraphTransactions}); refuses to run outside one, where the notices would commit without the change.
     */
    public List<String> enqueue(List<NotificationRequest> requests) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("notifications are enqueued in the transaction of the change; run it in GraphTransactions");
        }
        var now = clock.millis();
        var rows = rows(requests, now);
        neo4j.query(CREATE).bindAll(Map.of("rows", rows, "now", now)).run();
        return ids(rows);
    }

    public String enqueue(NotificationRequest request) {
        return enqueue(List.of(request)).get(0);
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    private static List<Map<String, Object>> rows(List<NotificationRequest> requests, long now) {
        var rows = new ArrayList<Map<String, Object>>(requests.size());
        for (var request : requests) {
            var notificationId = UUID.randomUUID().toString();
            var messageId = UUID.randomUUID().toString();
            var payload = (request.alert() != null
                    ? PushPayload.alerted(messageId, notificationId, request.alert().title(), request.alert().body())
                    : request.sensitive()
                    ? PushPayload.sensitive(messageId, notificationId)
                    : PushPayload.visible(messageId, notificationId, request.kind(), request.subjectType(),
                    request.subjectId(), request.title(), request.body())).requireWithinLimit();
            var row = new HashMap<String, Object>();
            row.put("id", notificationId);
            row.put("messageId", messageId);
            row.put("recipient", request.recipient().key());
            row.put("kind", request.kind());
            row.put("title", request.title());
            row.put("body", request.body());
            row.put("sensitive", request.sensitive());
            row.put("subjectType", request.subjectType());
            row.put("subjectId", request.subjectId());
            row.put("key", TimeKeys.key(now, notificationId));
            row.put("data", payload.dataJson());
            row.put("pushTitle", payload.title());
            row.put("pushBody", payload.body());
            rows.add(row);
        }
        return rows;
    }

    public String enqueue(TransactionContext tx, NotificationRequest request) {
        return enqueue(tx, List.of(request)).get(0);
    }
}
