package org.dutygraph.security;

import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-in allowances (V060), shared by every instance on the graph: tokens left and when they were counted,
 * found by the SHA-256 of what they count. Callers hold a write transaction.
 */
@Component
class SignInAllowanceStore {

    private final Neo4jClient neo4j;

    SignInAllowanceStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Write-locks the allowance (created full) and answers its tokens and when they were counted. */
    Allowance lock(String key, int capacity, long now) {
        return neo4j.query("""
                        MERGE (a:SignInAllowance {key: $key})
                        ON CREATE SET a.tokens = toFloat($capacity), a.at = $now
                        SET a._lock = true REMOVE a._lock
                        RETURN a.tokens AS tokens, a.at AS at""")
                .bindAll(Map.of("key", key, "capacity", capacity, "now", now))
                .fetchAs(Allowance.class)
                .mappedBy((types, row) -> new Allowance(
                        row.get("tokens").asDouble(), row.get("at").asLong()))
                .one()
                .orElseThrow();
    }

    void set(String key, double tokens, long now) {
        neo4j.query("MATCH (a:SignInAllowance {key: $key}) SET a.tokens = $tokens, a.at = $now")
                .bindAll(Map.of("key", key, "tokens", tokens, "now", now))
                .run();
    }

    void delete(String key) {
        neo4j.query("MATCH (a:SignInAllowance {key: $key}) DELETE a")
                .bind(key)
                .to("key")
                .run();
    }

    /** Deletes up to {@code limit} allowances counted before {@code before} (full again by now); answers how many. */
    int deleteCountedBefore(long before, int limit) {
        return neo4j.query("""
                        MATCH (a:SignInAllowance) WHERE a.at < $before
                        WITH a LIMIT $limit DELETE a RETURN count(*) AS n""")
                .bindAll(Map.of("before", before, "limit", limit))
                .fetchAs(Integer.class)
                .mappedBy((types, row) -> row.get("n").asInt())
                .one()
                .orElse(0);
    }

    record Allowance(double tokens, long at) {}
}
