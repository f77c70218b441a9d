package org.dutygraph.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code Device} nodes: a push token, whose it is, its channel and locale, and when it was last seen. */
@Component
class DeviceStore {

    private static final String VIEW = """
            RETURN d.id AS id, d.token AS token, d.platform AS platform, d.channel AS channel, d.locale AS locale,
                   d.registeredAt AS registeredAt, d.lastSeenAt AS lastSeenAt""";

    private static final String RENEW = "MATCH (d:Device) WHERE d.recipient IN $recipients SET d.lastSeenAt = $now";

    private final Neo4jClient neo4j;

    DeviceStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The token becomes the recipient's; a token that changes hands is a new device (new id and registration time). */
    DeviceView register(
            Recipient recipient, String token, String platform, String channel, String locale, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("token", token);
        params.put("recipient", recipient.key());
        params.put("platform", platform);
        params.put("channel", channel);
        params.put("locale", locale);
        params.put("now", now.toEpochMilli());
        params.put("id", UUID.randomUUID().toString());
        return neo4j.query("""
                        MERGE (d:Device {token: $token})
                        ON CREATE SET d.id = $id, d.registeredAt = $now
                        WITH d, d.recipient <> $recipient AS moved
                        SET d.id = CASE WHEN moved THEN $id ELSE d.id END,
                            d.registeredAt = CASE WHEN moved THEN $now ELSE d.registeredAt END,
                            d.recipient = $recipient, d.platform = $platform, d.channel = $channel, d.locale = $locale,
                            d.lastSeenAt = $now
                        """ + VIEW)
                .bindAll(params)
                .fetchAs(DeviceView.class)
                .mappedBy((types, row) -> view(row))
                .one()
                .orElseThrow();
    }

    boolean unregister(Recipient recipient, String token) {
        return neo4j.query("""
                        MATCH (d:Device {token: $token}) WHERE d.recipient = $recipient
                        DELETE d RETURN count(*) AS c""")
                        .bindAll(Map.of("token", token, "recipient", recipient.key()))
                        .fetchAs(Long.class)
                        .one()
                        .orElse(0L)
                > 0;
    }

    List<DeviceView> page(Recipient recipient, String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("after", afterId);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (d:Device) WHERE d.recipient = $recipient AND ($after IS NULL OR d.id > $after)
                        WITH d ORDER BY d.id LIMIT $limit
                        """ + VIEW)
                .bindAll(params)
                .fetchAs(DeviceView.class)
                .mappedBy((types, row) -> view(row))
                .all());
    }

    void renew(Collection<Recipient> recipients, Instant now) {
        neo4j.query(RENEW).bindAll(renewal(recipients, now)).run();
    }

    void delete(Collection<String> tokens) {
        neo4j.query("MATCH (d:Device) WHERE d.token IN $tokens DELETE d")
                .bind(List.copyOf(tokens))
                .to("tokens")
                .run();
    }

    /** Deletes up to 100,000 devices not seen since {@code cutoff}; returns how many. */
    int deleteUnseenSince(Instant cutoff) {
        return neo4j.query("""
                        MATCH (d:Device) WHERE d.lastSeenAt < $cutoff
                        WITH d LIMIT 100000 DELETE d RETURN count(*) AS c""")
                .bind(cutoff.toEpochMilli())
                .to("cutoff")
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    private static Map<String, Object> renewal(Collection<Recipient> recipients, Instant now) {
        return Map.of("recipients", recipients.stream().map(Recipient::key).toList(), "now", now.toEpochMilli());
    }

    private static DeviceView view(Record r) {
        var token = r.get("token").asString();
        return new DeviceView(
                r.get("id").asString(),
                token.substring(Math.max(0, token.length() - 8)),
                r.get("platform").asString(),
                r.get("channel").asString(),
                r.get("locale").asString(null),
                TimeKeys.utc(r.get("registeredAt").asLong()),
                TimeKeys.utc(r.get("lastSeenAt").asLong()));
    }
}
