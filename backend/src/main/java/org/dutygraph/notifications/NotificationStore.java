package org.dutygraph.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Writes a notification: its inbox entry and its push intent, together. */
@Component
class NotificationStore {

    /**
     * One notification as stored: the inbox entry's fields and what is pushed for it. {@code title} and {@code body}
     * are the Chinese words; {@code titleText} and {@code bodyText} the catalogue texts (key and arguments, null for
     * words someone wrote), read in the reader's language. The push's English words, for devices in English, are null
     * when they are the Chinese ones.
     */
    record NewNotification(
            String id,
            String messageId,
            Recipient recipient,
            String kind,
            String title,
            String body,
            String titleText,
            String bodyText,
            boolean sensitive,
            String subjectType,
            String subjectId,
            String key,
            String pushData,
            String pushTitle,
            String pushBody,
            String pushTitleEn,
            String pushBodyEn) {}

    private static final String CREATE = """
            UNWIND $rows AS r
            CREATE (:Notification {id: r.id, recipient: r.recipient, kind: r.kind, title: r.title, body: r.body,
                    titleText: r.titleText, bodyText: r.bodyText, sensitive: r.sensitive, subjectType: r.subjectType,
                    subjectId: r.subjectId, createdAt: $now, key: r.key})
            CREATE (:PushIntent {id: r.messageId, notificationId: r.id, recipient: r.recipient, state: 'pending',
                    dueAt: $now, attempts: 0, data: r.data, title: r.pushTitle, body: r.pushBody,
                    titleEn: r.pushTitleEn, bodyEn: r.pushBodyEn, createdAt: $now, key: r.key})
            """;

    private final Neo4jClient neo4j;

    NotificationStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** In the running Spring-managed transaction. */
    void create(List<NewNotification> notifications, long now) {
        neo4j.query(CREATE).bindAll(params(notifications, now)).run();
    }

    /** In a driver transaction, for callers not yet on GraphTransactions. */
    void create(TransactionContext tx, List<NewNotification> notifications, long now) {
        tx.run(CREATE, params(notifications, now)).consume();
    }

    private static Map<String, Object> params(List<NewNotification> notifications, long now) {
        return Map.of("rows", notifications.stream().map(NotificationStore::row).toList(), "now", now);
    }

    private static Map<String, Object> row(NewNotification n) {
        var row = new HashMap<String, Object>();
        row.put("id", n.id());
        row.put("messageId", n.messageId());
        row.put("recipient", n.recipient().key());
        row.put("kind", n.kind());
        row.put("title", n.title());
        row.put("body", n.body());
        row.put("titleText", n.titleText());
        row.put("bodyText", n.bodyText());
        row.put("sensitive", n.sensitive());
        row.put("subjectType", n.subjectType());
        row.put("subjectId", n.subjectId());
        row.put("key", n.key());
        row.put("data", n.pushData());
        row.put("pushTitle", n.pushTitle());
        row.put("pushBody", n.pushBody());
        row.put("pushTitleEn", n.pushTitleEn());
        row.put("pushBodyEn", n.pushBodyEn());
        return row;
    }
}
