package org.dutygraph.platform.effects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code Effect} nodes: one per event and handler, pending until the handler's writes commit. */
@Component
class EffectStore {

    record NewEffect(String id, String handler) {}

    /** An effect of one of several events recorded together: its own kind and payload. */
    record NewEventEffect(String id, String handler, String kind, String payload) {}

    record PendingEffect(String id, String kind, String handler, String payload) {}

    private static final String CREATE = """
            UNWIND $rows AS r
            CREATE (:Effect {id: r.id, kind: $kind, handler: r.handler, payload: $payload, state: 'PENDING',
                    attempts: 0, createdAt: $now, dueAt: $now})""";

    private final Neo4jClient neo4j;

    EffectStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The effects of one event, all due now, in the running Spring-managed transaction. */
    void create(String kind, String payload, List<NewEffect> effects, long now) {
        neo4j.query(CREATE).bindAll(creation(kind, payload, effects, now)).run();
    }

    /** The effects of several events, all due now, in one statement in the running transaction. */
    void createAll(List<NewEventEffect> effects, long now) {
        var rows = effects.stream()
                .map(e -> Map.of("id", e.id(), "handler", e.handler(), "kind", e.kind(), "payload", e.payload()))
                .toList();
        neo4j.query("""
                        UNWIND $rows AS r
                        CREATE (:Effect {id: r.id, kind: r.kind, handler: r.handler, payload: r.payload, state: 'PENDING',
                                attempts: 0, createdAt: $now, dueAt: $now})""").bindAll(Map.of("rows", rows, "now", now)).run();
    }

    /** The effect, if it is still pending (lock it first: a concurrent delivery then waits and finds it done). */
    Optional<PendingEffect> pending(String id) {
        return neo4j.query("""
                        MATCH (e:Effect {id: $id}) WHERE e.state = 'PENDING'
                        RETURN e.kind AS kind, e.handler AS handler, e.payload AS payload""")
                .bind(id)
                .to("id")
                .fetchAs(PendingEffect.class)
                .mappedBy((types, r) -> new PendingEffect(
                        id,
                        r.get("kind").asString(),
                        r.get("handler").asString(),
                        r.get("payload").asString()))
                .one();
    }

    /** Of these effects, those still pending, in the order given; each locked first (a concurrent delivery waits). */
    List<PendingEffect> lockPending(List<String> ids) {
        return List.copyOf(neo4j.query("""
                        UNWIND range(0, size($ids) - 1) AS i
                        MATCH (e:Effect {id: $ids[i]}) SET e._lock = true REMOVE e._lock
                        WITH i, e WHERE e.state = 'PENDING'
                        RETURN e.id AS id, e.kind AS kind, e.handler AS handler, e.payload AS payload ORDER BY i""")
                .bind(ids)
                .to("ids")
                .fetchAs(PendingEffect.class)
                .mappedBy((types, r) -> new PendingEffect(
                        r.get("id").asString(),
                        r.get("kind").asString(),
                        r.get("handler").asString(),
                        r.get("payload").asString()))
                .all());
    }

    void done(List<String> ids, long now) {
        neo4j.query("""
                        MATCH (e:Effect) WHERE e.id IN $ids
                        SET e.state = 'DONE', e.doneAt = $now, e.attempts = e.attempts + 1""").bindAll(Map.of("ids", ids, "now", now)).run();
    }

    void done(String id, long now) {
        neo4j.query("MATCH (e:Effect {id: $id}) SET e.state = 'DONE', e.doneAt = $now, e.attempts = e.attempts + 1")
                .bindAll(Map.of("id", id, "now", now))
                .run();
    }

    /** Counts a failed delivery; returns the attempts so far (0 when the effect is no longer pending). */
    int failed(String id, String error) {
        return neo4j.query("""
                        MATCH (e:Effect {id: $id}) WHERE e.state = 'PENDING'
                        SET e.attempts = e.attempts + 1, e.lastError = $error
                        RETURN e.attempts AS attempts""")
                .bindAll(Map.of("id", id, "error", error))
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    void dueAt(String id, long dueAt) {
        neo4j.query("MATCH (e:Effect {id: $id}) SET e.dueAt = $due")
                .bindAll(Map.of("id", id, "due", dueAt))
                .run();
    }

    /** Pending effects due at {@code now}, oldest first. */
    List<String> due(long now, int limit) {
        return List.copyOf(neo4j.query("""
                        MATCH (e:Effect) WHERE e.state = 'PENDING' AND e.dueAt <= $now
                        RETURN e.id AS id ORDER BY e.dueAt LIMIT $limit""")
                .bindAll(Map.of("now", now, "limit", limit))
                .fetchAs(String.class)
                .all());
    }

    /** Deletes up to 10,000 effects delivered before {@code before}; returns how many. */
    int purgeDone(long before) {
        return neo4j.query("""
                        MATCH (e:Effect) WHERE e.state = 'DONE' AND e.doneAt < $before
                        WITH e LIMIT 10000 DELETE e RETURN count(*) AS n""")
                .bind(before)
                .to("before")
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }

    private static Map<String, Object> creation(String kind, String payload, List<NewEffect> effects, long now) {
        var params = new HashMap<String, Object>();
        params.put(
                "rows",
                effects.stream()
                        .map(e -> Map.of("id", e.id(), "handler", e.handler()))
                        .toList());
        params.put("kind", kind);
        params.put("payload", payload);
        params.put("now", now);
        return params;
    }
}
