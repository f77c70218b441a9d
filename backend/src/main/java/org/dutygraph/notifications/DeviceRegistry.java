package org.dutygraph.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Push tokens of recipients' devices. A token belongs to one recipient: the one that registered it last. A feature
 * that registers a device on behalf of an opaque recipient (a followed case) may store the token in a form only its
 * own channel reads, so that one phone can be an account's device and follow cases without the rows sharing a token.
 */
@Repository
public class DeviceRegistry {

    private static final String VIEW = """
            RETURN d.id AS id, d.token AS token, d.platform AS platform, d.channel AS channel, d.locale AS locale,
                   d.registeredAt AS registeredAt, d.lastSeenAt AS lastSeenAt""";

    /** What push SDKs hand out as registration tokens: 1 to 4096 letters, digits, '_', ':', '.' or '-'. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{1,4096}");

    private static final String RENEW = "MATCH (d:Device) WHERE d.recipient IN $recipients SET d.lastSeenAt = $now";

    private final Driver driver;
    private final Neo4jClient neo4j;

    DeviceRegistry(Driver driver, Neo4jClient neo4j) {
        this.driver = driver;
        this.neo4j = neo4j;
    }

    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public DeviceView register(Recipient recipient, String token, String platform, String channel, String locale,
                               Instant now) {
        var params = new HashMap<String, Object>();
        params.put("token", token);
        params.put("recipient", recipient.key());
        params.put("platform", platform);
        params.put("channel", channel);
        params.put("locale", locale);
        params.put("now", now.toEpochMilli());
        params.put("id", UUID.randomUUID().toString());
        try (var session = driver.session()) {
            return view(session.executeWrite(tx -> tx.run("""
                    MERGE (d:Device {token: $token})
                    ON CREATE SET d.id = $id, d.registeredAt = $now
                    WITH d, d.recipient <> $recipient AS moved
                    SET d.id = CASE WHEN moved THEN $id ELSE d.id END,
                        d.registeredAt = CASE WHEN moved THEN $now ELSE d.registeredAt END,
                        d.recipient = $recipient, d.platform = $platform, d.channel = $channel, d.locale = $locale,
                        d.lastSeenAt = $now
                    """ + VIEW, params).single()));
        }
    }

    public boolean unregister(Recipient recipient, String token) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (d:Device {token: $token}) WHERE d.recipient = $recipient
                    DELETE d RETURN count(*) AS c""", Map.of("token", token, "recipient", recipient.key()))
                    .single().get("c").asInt() > 0);
        }
    }

    public List<DeviceView> page(Recipient recipient, String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("recipient", recipient.key());
        params.put("after", afterId);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (d:Device) WHERE d.recipient = $recipient AND ($after IS NULL OR d.id > $after)
                    WITH d ORDER BY d.id LIMIT $limit
                    """ + VIEW, params).list(DeviceRegistry::view));
        }
    }

    /**
     * Marks the devices of these recipients seen now, in the caller's transaction. For registrations a feature
     * holds on someone's behalf (a citizen following an open case), which must not go stale while what they
     * follow is alive: the feature renews them with each notice it writes and while the thing stays open.
     */
    public void renew(TransactionContext tx, Collection<Recipient> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        tx.run(RENEW, Map.of("recipients", recipients.stream().map(Recipient::key).toList(), "now", now.toEpochMilli()))
                .consume();
    }

    /** As {@link #renew(TransactionContext, Collection, Instant)}, in the caller's Spring-managed transaction. */
    public void renew(Collection<Recipient> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        neo4j.query(RENEW).bindAll(Map.of("recipients", recipients.stream().map(Recipient::key).toList(),
                "now", now.toEpochMilli())).run();
    }

    /** Forgets tokens the push provider said are no longer valid. */
    public void delete(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (d:Device) WHERE d.token IN $tokens DELETE d",
                    Map.of("tokens", List.copyOf(tokens))).consume());
        }
    }

    /** Deletes devices not seen since {@code cutoff}; returns how many. */
    public int deleteUnseenSince(Instant cutoff) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (d:Device) WHERE d.lastSeenAt < $cutoff
                    WITH d LIMIT 100000 DELETE d RETURN count(*) AS c""", Map.of("cutoff", cutoff.toEpochMilli()))
                    .single().get("c").asInt());
        }
    }

    private static DeviceView view(Record r) {
        var token = r.get("token").asString();
        return new DeviceView(r.get("id").asString(), token.substring(Math.max(0, token.length() - 8)),
                r.get("platform").asString(), r.get("channel").asString(), r.get("locale").asString(null),
                TimeKeys.utc(r.get("registeredAt").asLong()), TimeKeys.utc(r.get("lastSeenAt").asLong()));
    }
}
