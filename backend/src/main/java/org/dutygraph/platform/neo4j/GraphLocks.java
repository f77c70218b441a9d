package org.dutygraph.platform.neo4j;

import java.util.Map;

import org.neo4j.driver.TransactionContext;

/**
 * Write locks taken on purpose, held until the transaction ends. Neo4j reads the latest committed data,
 * but a condition read before a lock is taken can be stale by the time a write lands: transactions that
 * check and then change must lock first.
 */
@org.springframework.modulith.NamedInterface("neo4j")
public final class GraphLocks {

    private GraphLocks() {
    }

    /** Serialises every transaction holding the lock of this name (one JobLock node each, unique: V007). */
    public static void job(TransactionContext tx, String name) {
        tx.run("MERGE (l:JobLock {name: $name}) SET l.heldAt = timestamp()", Map.of("name", name)).consume();
    }

    /** Write-locks the node with this label and id without changing it. */
    public static void node(TransactionContext tx, String label, String id) {
        tx.run("MATCH (n:" + label + " {id: $id}) SET n._lock = true REMOVE n._lock", Map.of("id", id)).consume();
    }
}
