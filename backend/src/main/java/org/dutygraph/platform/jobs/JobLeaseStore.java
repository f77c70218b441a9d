package org.dutygraph.platform.jobs;

import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code JobLease} nodes (V060): which instance runs a job until when. Callers hold a transaction. */
@Component
class JobLeaseStore {

    private final Neo4jClient neo4j;

    JobLeaseStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Takes or renews the lease when it is free, lapsed or already this holder's; true when the holder has it.
     * The lease is write-locked before its holder is read, so two instances cannot both find it free.
     */
    boolean take(String name, String holder, long now, long until) {
        neo4j.query("MERGE (l:JobLease {name: $name}) SET l._lock = true REMOVE l._lock")
                .bind(name)
                .to("name")
                .run();
        return neo4j.query("""
                        MATCH (l:JobLease {name: $name})
                        WITH l, (l.holder IS NULL OR l.holder = $holder OR l.until < $now) AS free
                        FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
                          SET l.holder = $holder, l.until = $until, l.renewedAt = $now)
                        RETURN free""")
                .bindAll(Map.of("name", name, "holder", holder, "now", now, "until", until))
                .fetchAs(Boolean.class)
                .mappedBy((types, row) -> row.get("free").asBoolean())
                .one()
                .orElse(false);
    }

    /** Gives the lease up if this holder has it. */
    void release(String name, String holder) {
        neo4j.query("MATCH (l:JobLease {name: $name}) WHERE l.holder = $holder REMOVE l.holder, l.until")
                .bindAll(Map.of("name", name, "holder", holder))
                .run();
    }

    /** The instance holding the lease at {@code now}, if any. */
    java.util.Optional<String> holder(String name, long now) {
        return neo4j.query("MATCH (l:JobLease {name: $name}) WHERE l.until >= $now RETURN l.holder AS h")
                .bindAll(Map.of("name", name, "now", now))
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("h").asString(null))
                .one();
    }
}
