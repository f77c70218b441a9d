package org.dutygraph.platform.neo4j;

import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Write locks taken on purpose, held until the {@link GraphTransactions} transaction ends. Neo4j reads the latest
 * committed data, but a condition read before a lock is taken can be stale by the time a write lands: transactions
 * that check and then change must lock first. Outside a transaction each call would lock nothing, so it refuses.
 */
@org.springframework.modulith.NamedInterface("neo4j")
@Component
public class LockStore {

    private final Neo4jClient neo4j;

    LockStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Serialises every transaction holding the lock of this name (one JobLock node each, unique: V007). */
    public void job(String name) {
        requireTransaction();
        neo4j.query("MERGE (l:JobLock {name: $name}) SET l.heldAt = timestamp()")
                .bind(name)
                .to("name")
                .run();
    }

    /** {@link #job} for each of these names, in one statement, in name order (two such calls cannot deadlock). */
    public void jobs(java.util.Collection<String> names) {
        requireTransaction();
        neo4j.query("UNWIND $names AS name MERGE (l:JobLock {name: name}) SET l.heldAt = timestamp()")
                .bind(new java.util.TreeSet<>(names).stream().toList())
                .to("names")
                .run();
    }

    /** Write-locks the node with this label and id without changing it. */
    public void node(String label, String id) {
        requireTransaction();
        if (!label.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a label: " + label);
        }
        neo4j.query("MATCH (n:" + label + " {id: $id}) SET n._lock = true REMOVE n._lock")
                .bindAll(Map.of("id", id))
                .run();
    }

    private static void requireTransaction() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a lock outside a transaction locks nothing; run it in GraphTransactions");
        }
    }
}
