package org.dutygraph.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** The per-recipient inbox: every notification, pushed or not, newest first. */
@Repository
public class InboxRepository {

    private static final String VIEW = """
            RETURN n.id AS id, n.kind AS kind, n.title AS title, n.body AS body, n.sensitive AS sensitive,
                   n.subjectType AS subjectType, n.subjectId AS subjectId, n.createdAt AS createdAt,
                   n.readAt AS readAt, n.key AS key""";

    private final Driver driver;

    InboxRepository(Driver driver) {
        this.driver = driver;
    }

    public List<NotificationView> page(Recipient recipient, boolean unreadOnly, String beforeKey, int limit) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("before", beforeKey);
        params.put("unreadOnly", unreadOnly);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (n:Notification) WHERE n.recipient = $recipient AND ($before IS NULL OR n.key < $before)
                      AND (NOT $unreadOnly OR n.readAt IS NULL)
                    WITH n ORDER BY n.key DESC LIMIT $limit
                    """ + VIEW, params).list(InboxRepository::view));
        }
    }

    public Optional<NotificationView> find(Recipient recipient, String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (n:Notification {id: $id}) WHERE n.recipient = $recipient " + VIEW,
                    Map.of("id", id, "recipient", recipient.key())).list(InboxRepository::view)).stream().findFirst();
        }
    }

    public int unreadCount(Recipient recipient) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (n:Notification) WHERE n.recipient = $recipient AND n.readAt IS NULL RETURN count(n) AS c""",
                    Map.of("recipient", recipient.key())).single().get("c").asInt());
        }
    }

    /** Marks the recipient's notifications with these ids (or all, when ids is null) read; others' ids are ignored. */
    public void markRead(Recipient recipient, List<String> ids, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("ids", ids);
        params.put("now", now.toEpochMilli());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (n:Notification) WHERE n.recipient = $recipient AND n.readAt IS NULL
                      AND ($ids IS NULL OR n.id IN $ids)
                    SET n.readAt = $now""", params).consume());
        }
    }

    private static NotificationView view(Record r) {
        return new NotificationView(r.get("id").asString(), r.get("kind").asString(), r.get("title").asString(),
                r.get("body").asString(), r.get("sensitive").asBoolean(), r.get("subjectType").asString(null),
                r.get("subjectId").asString(null), TimeKeys.utc(r.get("createdAt").asLong()),
                r.get("readAt").isNull() ? null : TimeKeys.utc(r.get("readAt").asLong()), r.get("key").asString());
    }
}
