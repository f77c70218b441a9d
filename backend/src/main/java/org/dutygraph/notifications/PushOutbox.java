package org.dutygraph.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The push intents {@link Notifications#enqueue} writes with each change. Dispatchers claim due intents
 * for a lease and renew it while they send; claims and renewals of all dispatchers are serialised on one
 * job lock, so two of them never claim the same intent, and an intent whose dispatcher died is due again
 * when its lease ends. Each message is marked as it is answered: an intent's {@code targets} are the
 * devices it has still to reach, so a dispatcher that takes over sends only those.
 */
@Repository
public class PushOutbox {

    /**
     * A claimed intent; {@code targets} are "channel:token" pairs still to deliver, {@code delivered} the
     * devices reached by earlier attempts.
     */
    record ClaimedPush(String id, String recipient, int attempts, List<String> targets, int delivered, PushPayload payload) {
    }

    /**
     * A claimed intent's new state. While some of its messages are still unanswered the state stays
     * {@code claimed} and {@code dueAt} is null (the lease is unchanged); {@code at} is when the last
     * answer came.
     */
    record Result(String id, String state, Long dueAt, List<String> targets, int delivered, String lastError, long at) {

        boolean finished() {
            return !"claimed".equals(state);
        }
    }

    private final Driver driver;

    PushOutbox(Driver driver) {
        this.driver = driver;
    }

    List<ClaimedPush> claim(String claimId, Instant now, Duration lease, int limit, Instant freshSince) {
        var params = new HashMap<String, Object>();
        params.put("claim", claimId);
        params.put("now", now.toEpochMilli());
        params.put("until", now.plus(lease).toEpochMilli());
        params.put("limit", limit);
        params.put("freshSince", freshSince.toEpochMilli());
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                // Held until commit: a second dispatcher waits here and then sees this one's claims.
                GraphLocks.job(tx, "push-dispatch");
                return tx.run("""
                        MATCH (i:PushIntent) WHERE i.state IN ['pending', 'claimed'] AND i.dueAt <= $now
                        WITH i ORDER BY i.dueAt LIMIT $limit
                        SET i.state = 'claimed', i.claimedBy = $claim, i.dueAt = $until, i.attempts = i.attempts + 1
                        WITH i
                        CALL (i) {
                          OPTIONAL MATCH (d:Device) WHERE i.targets IS NULL AND d.recipient = i.recipient
                            AND d.lastSeenAt >= $freshSince
                          RETURN collect(d.channel + ':' + d.token) AS found
                        }
                        SET i.targets = coalesce(i.targets, found)
                        RETURN i.id AS id, i.recipient AS recipient, i.attempts AS attempts, i.targets AS targets,
                               coalesce(i.delivered, 0) AS delivered, i.data AS data, i.title AS title, i.body AS body
                        """, params).list(PushOutbox::claimed);
            });
        }
    }

    /**
     * Extends the lease of those of {@code ids} still claimed by {@code claimId} to {@code until}; returns
     * how many. Under the claims' lock, so a claim never reads a lease that is being renewed.
     */
    int renew(String claimId, List<String> ids, Instant until) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                GraphLocks.job(tx, "push-dispatch");
                return tx.run("""
                        UNWIND $ids AS id
                        MATCH (i:PushIntent {id: id}) WHERE i.state = 'claimed' AND i.claimedBy = $claim
                        SET i.dueAt = $until
                        RETURN count(i) AS c""", Map.of("ids", ids.stream().sorted().toList(), "claim", claimId, "until", until.toEpochMilli()))
                        .single().get("c").asInt();
            });
        }
    }

    /** Applies results of a send, only where the claim is still this dispatcher's; returns how many applied. */
    int record(String claimId, List<Result> results) {
        // In id order, like renew: two transactions locking the same intents lock them in the same order.
        var rows = results.stream().sorted(Comparator.comparing(Result::id)).map(r -> {
            var row = new HashMap<String, Object>();
            row.put("id", r.id());
            row.put("state", r.state());
            row.put("dueAt", r.dueAt());
            row.put("targets", r.targets());
            row.put("delivered", r.delivered());
            row.put("lastError", r.lastError());
            row.put("at", r.at());
            return row;
        }).toList();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS r
                    MATCH (i:PushIntent {id: r.id}) WHERE i.state = 'claimed' AND i.claimedBy = $claim
                    SET i.state = r.state, i.dueAt = coalesce(r.dueAt, i.dueAt), i.targets = r.targets,
                        i.delivered = r.delivered, i.lastError = coalesce(r.lastError, i.lastError),
                        i.sentAt = CASE WHEN r.state = 'sent' THEN r.at ELSE i.sentAt END
                    RETURN count(i) AS c""", Map.of("rows", rows, "claim", claimId))
                    .single().get("c").asInt());
        }
    }

    public List<PushView> dead(String beforeKey, int limit) {
        var params = new HashMap<String, Object>();
        params.put("before", beforeKey);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (i:PushIntent) WHERE i.state = 'dead' AND ($before IS NULL OR i.key < $before)
                    WITH i ORDER BY i.key DESC LIMIT $limit
                    RETURN i.id AS id, i.notificationId AS notificationId, i.recipient AS recipient, i.state AS state,
                           i.attempts AS attempts, i.lastError AS lastError, i.createdAt AS createdAt, i.key AS key
                    """, params).list(r -> new PushView(r.get("id").asString(), r.get("notificationId").asString(),
                    r.get("recipient").asString(), r.get("state").asString(), r.get("attempts").asInt(),
                    r.get("lastError").asString(null), TimeKeys.utc(r.get("createdAt").asLong()),
                    r.get("key").asString())));
        }
    }

    /** Dead intents among {@code ids} (all dead ones when null) go back to pending with fresh attempts; returns their ids. */
    public List<String> replay(List<String> ids, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("ids", ids);
        params.put("now", now.toEpochMilli());
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (i:PushIntent) WHERE i.state = 'dead' AND ($ids IS NULL OR i.id IN $ids)
                    SET i.state = 'pending', i.dueAt = $now, i.attempts = 0, i.targets = null,
                        i.replays = coalesce(i.replays, 0) + 1
                    RETURN i.id AS id""", params).list(r -> r.get("id").asString()));
        }
    }

    public Map<String, Long> countByState() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (i:PushIntent) RETURN i.state AS state, count(*) AS c")
                    .list(r -> Map.entry(r.get("state").asString(), r.get("c").asLong())))
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    private static ClaimedPush claimed(Record r) {
        return new ClaimedPush(r.get("id").asString(), r.get("recipient").asString(), r.get("attempts").asInt(),
                r.get("targets").asList(Value::asString), r.get("delivered").asInt(),
                PushPayload.stored(r.get("data").asString(), r.get("title").asString(null), r.get("body").asString(null)));
    }
}
