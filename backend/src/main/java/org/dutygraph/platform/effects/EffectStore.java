package org.dutygraph.platform.effects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.platform.neo4j.GraphLocks;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** The {@code Effect} nodes: one per event and handler, pending until the handler's writes commit. */
@Repository
class EffectStore {

    record PendingEffect(String id, String kind, String handler, String payload) {
    }

    private static final String CREATE = """
            UNWIND $rows AS r
            CREATE (:Effect {id: r.id, kind: $kind, handler: r.handler, payload: $payload, state: 'PENDING',
                    attempts: 0, createdAt: $now, dueAt: $now})""";

    private final Neo4jClient neo4j;

    EffectStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** One effect per handler name, ids given, all due now. */
    void create(TransactionContext tx, String kind, String payload, List<Map<String, Object>> idsAndHandlers, long now) {
        tx.run(CREATE, Map.of("rows", idsAndHandlers, "kind", kind, "payload", payload, "now", now)).consume();
    }

    /** As {@link #create(TransactionContext, String, String, List, long)}, in the caller's Spring-managed transaction. */
    void create(String kind, String payload, List<Map<String, Object>> idsAndHandlers, long now) {
        neo4j.query(CREATE).bindAll(Map.of("rows", idsAndHandlers, "kind", kind, "payload", payload, "now", now)).run();
    }

    /** Locks the effect first (a concurrent delivery waits, then finds it done); empty when it is not pending. */
    Optional<PendingEffect> lockPending(TransactionContext tx, String id) {
        GraphLocks.node(tx, "Effect", id);
        return tx.run("MATCH (e:Effect {id: $id}) WHERE e.state = 'PENDING' RETURN e.kind AS kind, e.handler AS handler, "
                        + "e.payload AS payload", Map.of("id", id))
                .list(r -> new PendingEffect(id, r.get("kind").asString(), r.get("handler").asString(), r.get("payload").asString()))
                .stream().findFirst();
    }

    void done(TransactionContext tx, String id, long now) {
        tx.run("MATCH (e:Effect {id: $id}) SET e.state = 'DONE', e.doneAt = $now, e.attempts = e.attempts + 1",
                Map.of("id", id, "now", now)).consume();
    }

    /** Counts a failed delivery; returns the attempts so far (0 when the effect is no longer pending). */
    int failed(TransactionContext tx, String id, String error) {
        GraphLocks.node(tx, "Effect", id);
        return tx.run("""
                MATCH (e:Effect {id: $id}) WHERE e.state = 'PENDING'
                SET e.attempts = e.attempts + 1, e.lastError = $error
                RETURN e.attempts AS attempts""", Values.parameters("id", id, "error", error))
                .list(r -> r.get("attempts").asInt()).stream().findFirst().orElse(0);
    }

    void dueAt(TransactionContext tx, String id, long dueAt) {
        tx.run("MATCH (e:Effect {id: $id}) SET e.dueAt = $due", Map.of("id", id, "due", dueAt)).consume();
    }

    /** Pending effects due at {@code now}, oldest first. */
    List<String> due(TransactionContext tx, long now, int limit) {
        return tx.run("""
                MATCH (e:Effect) WHERE e.state = 'PENDING' AND e.dueAt <= $now
                RETURN e.id AS id ORDER BY e.dueAt LIMIT $limit""", Map.of("now", now, "limit", limit))
                .list(r -> r.get("id").asString());
    }

    /** Deletes effects delivered before {@code before}; returns how many. */
    int purgeDone(TransactionContext tx, long before) {
        return tx.run("""
                MATCH (e:Effect) WHERE e.state = 'DONE' AND e.doneAt < $before
                WITH e LIMIT 10000 DELETE e RETURN count(*) AS n""", Map.of("before", before)).single().get("n").asInt();
    }
}
