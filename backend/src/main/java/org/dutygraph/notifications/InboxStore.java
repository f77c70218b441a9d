package org.dutygraph.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The per-recipient inbox: every notification, pushed or not, newest first. */
@Component
public class InboxStore {

    private static final String VIEW = """
            RETURN n.id AS id, n.kind AS kind, n.title AS title, n.body AS body, n.titleText AS titleText,
                   n.bodyText AS bodyText, n.sensitive AS sensitive,
                   n.subjectType AS subjectType, n.subjectId AS subjectId, n.createdAt AS createdAt,
                   n.readAt AS readAt, n.key AS key""";

    private final Neo4jClient neo4j;

    InboxStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public List<NotificationView> page(Recipient recipient, boolean unreadOnly, String beforeKey, int limit) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("before", beforeKey);
        params.put("unreadOnly", unreadOnly);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (n:Notification) WHERE n.recipient = $recipient AND ($before IS NULL OR n.key < $before)
                          AND (NOT $unreadOnly OR n.readAt IS NULL)
                        WITH n ORDER BY n.key DESC LIMIT $limit
                        """ + VIEW)
                .bindAll(params)
                .fetchAs(NotificationView.class)
                .mappedBy((types, row) -> view(row))
                .all());
    }

    public Optional<NotificationView> find(Recipient recipient, String id) {
        return neo4j
                .query("MATCH (n:Notification {id: $id}) WHERE n.recipient = $recipient " + VIEW)
                .bindAll(Map.of("id", id, "recipient", recipient.key()))
                .fetchAs(NotificationView.class)
                .mappedBy((types, row) -> view(row))
                .all()
                .stream()
                .findFirst();
    }

    public int unreadCount(Recipient recipient) {
        return neo4j.query("""
                        MATCH (n:Notification) WHERE n.recipient = $recipient AND n.readAt IS NULL RETURN count(n) AS c""")
                .bind(recipient.key())
                .to("recipient")
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    /** Marks the recipient's notifications with these ids (or all, when ids is null) read; others' ids are ignored. */
    public void markRead(Recipient recipient, List<String> ids, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("ids", ids);
        params.put("now", now.toEpochMilli());
        neo4j.query("""
                        MATCH (n:Notification) WHERE n.recipient = $recipient AND n.readAt IS NULL
                          AND ($ids IS NULL OR n.id IN $ids)
                        SET n.readAt = $now""").bindAll(params).run();
    }

    private static NotificationView view(Record r) {
        return new NotificationView(
                r.get("id").asString(),
                r.get("kind").asString(),
                TextJson.read(r.get("titleText").asString(null), r.get("title").asString()),
                TextJson.read(r.get("bodyText").asString(null), r.get("body").asString()),
                r.get("sensitive").asBoolean(),
                r.get("subjectType").asString(null),
                r.get("subjectId").asString(null),
                TimeKeys.utc(r.get("createdAt").asLong()),
                r.get("readAt").isNull() ? null : TimeKeys.utc(r.get("readAt").asLong()),
                r.get("key").asString());
    }
}
