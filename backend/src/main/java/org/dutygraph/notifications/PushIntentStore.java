package org.dutygraph.notifications;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dutygraph.notifications.PushOutbox.ClaimedPush;
import org.dutygraph.notifications.PushOutbox.Result;
import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code PushIntent} nodes of the outbox: claims, leases and outcomes (the protocol: {@link PushOutbox}). */
@Component
class PushIntentStore {

    private final Neo4jClient neo4j;

    PushIntentStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** How many intents wait to be sent (pending or claimed), how many are dead, and when the oldest waiting one was made. */
    record OutboxFigures(long waiting, long dead, Instant oldestWaiting) {}

    OutboxFigures figures() {
        return neo4j.query("""
                        OPTIONAL MATCH (i:PushIntent) WHERE i.state IN ['pending', 'claimed']
                        WITH count(i) AS waiting, min(i.createdAt) AS oldest
                        OPTIONAL MATCH (d:PushIntent) WHERE d.state = 'dead'
                        RETURN waiting, oldest, count(d) AS dead
                        """)
                .fetchAs(OutboxFigures.class)
                .mappedBy((types, r) -> new OutboxFigures(
                        r.get("waiting").asLong(),
                        r.get("dead").asLong(),
                        r.get("oldest").isNull()
                                ? null
                                : Instant.ofEpochMilli(r.get("oldest").asLong())))
                .one()
                .orElseThrow();
    }

    /**
     * Claims up to {@code limit} intents due at {@code now} until {@code until}; an intent claimed for the first time
     * gets as targets its recipient's devices seen since {@code freshSince}.
     */
    List<ClaimedPush> claim(String claimId, Instant now, Instant until, int limit, Instant freshSince) {
        var params = new HashMap<String, Object>();
        params.put("claim", claimId);
        params.put("now", now.toEpochMilli());
        params.put("until", until.toEpochMilli());
        params.put("limit", limit);
        params.put("freshSince", freshSince.toEpochMilli());
        return List.copyOf(neo4j.query("""
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
                        WITH i
                        CALL (i) {
                          OPTIONAL MATCH (d:Device) WHERE i.titleEn IS NOT NULL AND d.recipient = i.recipient
                            AND toLower(d.locale) =~ 'en([-_].*)?'
                          RETURN collect(d.channel + ':' + d.token) AS english
                        }
                        RETURN i.id AS id, i.recipient AS recipient, i.attempts AS attempts, i.targets AS targets,
                               coalesce(i.delivered, 0) AS delivered, i.data AS data, i.title AS title, i.body AS body,
                               i.titleEn AS titleEn, i.bodyEn AS bodyEn, english
                        """)
                .bindAll(params)
                .fetchAs(ClaimedPush.class)
                .mappedBy((types, row) -> claimed(row))
                .all());
    }

    /** Extends the lease of those of {@code ids} still claimed by {@code claimId} to {@code until}; returns how many. */
    int renew(String claimId, List<String> ids, Instant until) {
        return neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (i:PushIntent {id: id}) WHERE i.state = 'claimed' AND i.claimedBy = $claim
                        SET i.dueAt = $until
                        RETURN count(i) AS c""")
                .bindAll(Map.of("ids", ids.stream().sorted().toList(), "claim", claimId, "until", until.toEpochMilli()))
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    /** Applies results, only where the claim is still {@code claimId}'s; returns how many applied. */
    int record(String claimId, List<Result> results) {
        // In id order, like renew: two transactions locking the same intents lock them in the same order.
        var rows = results.stream()
                .sorted(Comparator.comparing(Result::id))
                .map(PushIntentStore::row)
                .toList();
        return neo4j.query("""
                        UNWIND $rows AS r
                        MATCH (i:PushIntent {id: r.id}) WHERE i.state = 'claimed' AND i.claimedBy = $claim
                        SET i.state = r.state, i.dueAt = coalesce(r.dueAt, i.dueAt), i.targets = r.targets,
                            i.delivered = r.delivered, i.lastError = coalesce(r.lastError, i.lastError),
                            i.sentAt = CASE WHEN r.state = 'sent' THEN r.at ELSE i.sentAt END
                        RETURN count(i) AS c""")
                .bindAll(Map.of("rows", rows, "claim", claimId))
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    List<PushView> dead(String beforeKey, int limit) {
        var params = new HashMap<String, Object>();
        params.put("before", beforeKey);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (i:PushIntent) WHERE i.state = 'dead' AND ($before IS NULL OR i.key < $before)
                        WITH i ORDER BY i.key DESC LIMIT $limit
                        RETURN i.id AS id, i.notificationId AS notificationId, i.recipient AS recipient, i.state AS state,
                               i.attempts AS attempts, i.lastError AS lastError, i.createdAt AS createdAt, i.key AS key
                        """)
                .bindAll(params)
                .fetchAs(PushView.class)
                .mappedBy((types, r) -> new PushView(
                        r.get("id").asString(),
                        r.get("notificationId").asString(),
                        r.get("recipient").asString(),
                        r.get("state").asString(),
                        r.get("attempts").asInt(),
                        r.get("lastError").asString(null),
                        TimeKeys.utc(r.get("createdAt").asLong()),
                        r.get("key").asString()))
                .all());
    }

    /** Dead intents among {@code ids} (all dead ones when null) go back to pending with fresh attempts; returns their ids. */
    List<String> replay(List<String> ids, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("ids", ids);
        params.put("now", now.toEpochMilli());
        return List.copyOf(
                neo4j.query("""
                        MATCH (i:PushIntent) WHERE i.state = 'dead' AND ($ids IS NULL OR i.id IN $ids)
                        SET i.state = 'pending', i.dueAt = $now, i.attempts = 0, i.targets = null,
                            i.replays = coalesce(i.replays, 0) + 1
                        RETURN i.id AS id""").bindAll(params).fetchAs(String.class).all());
    }

    private record StateCount(String state, long count) {}

    Map<String, Long> countByState() {
        return neo4j
                .query("MATCH (i:PushIntent) RETURN i.state AS state, count(*) AS c")
                .fetchAs(StateCount.class)
                .mappedBy((types, r) ->
                        new StateCount(r.get("state").asString(), r.get("c").asLong()))
                .all()
                .stream()
                .collect(Collectors.toMap(StateCount::state, StateCount::count));
    }

    private static Map<String, Object> row(Result r) {
        var row = new HashMap<String, Object>();
        row.put("id", r.id());
        row.put("state", r.state());
        row.put("dueAt", r.dueAt());
        row.put("targets", r.targets());
        row.put("delivered", r.delivered());
        row.put("lastError", r.lastError());
        row.put("at", r.at());
        return row;
    }

    private static ClaimedPush claimed(Record r) {
        var english = r.get("titleEn").isNull()
                ? null
                : PushPayload.stored(
                        r.get("data").asString(),
                        r.get("titleEn").asString(),
                        r.get("bodyEn").asString());
        return new ClaimedPush(
                r.get("id").asString(),
                r.get("recipient").asString(),
                r.get("attempts").asInt(),
                r.get("targets").asList(Value::asString),
                r.get("delivered").asInt(),
                PushPayload.stored(
                        r.get("data").asString(),
                        r.get("title").asString(null),
                        r.get("body").asString(null)),
                english,
                java.util.Set.copyOf(r.get("english").asList(Value::asString)));
    }
}
