package org.dutygraph.platform.jobs;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
     * The lease is write-locked before its holder is read, so two instances cannot both find it free. With a
     * {@code progress}, the lease records what the holder is doing (kept on renewals without one, cleared when
     * another holder takes it).
     */
    boolean take(String name, String holder, long now, long until, String progress) {
        neo4j.query("MERGE (l:JobLease {name: $name}) SET l._lock = true REMOVE l._lock")
                .bind(name)
                .to("name")
                .run();
        var parameters =
                new HashMap<String, Object>(Map.of("name", name, "holder", holder, "now", now, "until", until));
        parameters.put("progress", progress);
        return neo4j.query("""
                        MATCH (l:JobLease {name: $name})
                        WITH l, l.holder = $holder AS renewing,
                             (l.holder IS NULL OR l.holder = $holder OR l.until < $now) AS free
                        FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
                          SET l.holder = $holder, l.until = $until, l.renewedAt = $now,
                              l.progress = CASE WHEN renewing THEN coalesce($progress, l.progress) ELSE $progress END)
                        RETURN free""")
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .mappedBy((types, row) -> row.get("free").asBoolean())
                .one()
                .orElse(false);
    }

    /** Gives the lease up if this holder has it, recording how its run went when {@code lastRun} is given. */
    void release(String name, String holder, String lastRun) {
        var parameters = new HashMap<String, Object>(Map.of("name", name, "holder", holder));
        parameters.put("lastRun", lastRun);
        neo4j.query("""
                        MATCH (l:JobLease {name: $name}) WHERE l.holder = $holder
                        SET l.lastRun = coalesce($lastRun, l.lastRun)
                        REMOVE l.holder, l.until, l.progress""").bindAll(parameters).run();
    }

    /** Records how the holder's latest run went, if this holder has the lease. */
    void recordRun(String name, String holder, String lastRun) {
        neo4j.query("MATCH (l:JobLease {name: $name}) WHERE l.holder = $holder SET l.lastRun = $lastRun")
                .bindAll(Map.of("name", name, "holder", holder, "lastRun", lastRun))
                .run();
    }

    /** Records how a job's latest run went, for a job that runs without its lease (each instance its own). */
    void recordFinished(String name, String lastRun) {
        neo4j.query("MERGE (l:JobLease {name: $name}) SET l.lastRun = $lastRun")
                .bindAll(Map.of("name", name, "lastRun", lastRun))
                .run();
    }

    /**
     * Every lease that has a holder (a lapsed one included: its holder died or hangs) or a recorded run, by name.
     */
    List<JobLease> all() {
        return List.copyOf(neo4j.query("""
                        MATCH (l:JobLease) WHERE l.holder IS NOT NULL OR l.lastRun IS NOT NULL
                        RETURN l.name AS name, l.holder AS holder, l.until AS until, l.renewedAt AS renewedAt,
                               l.progress AS progress, l.lastRun AS lastRun
                        ORDER BY name""")
                .fetchAs(JobLease.class)
                .mappedBy((types, row) -> new JobLease(
                        row.get("name").asString(),
                        row.get("holder").asString(null),
                        row.get("until").isNull()
                                ? null
                                : Instant.ofEpochMilli(row.get("until").asLong()),
                        row.get("renewedAt").isNull()
                                ? null
                                : Instant.ofEpochMilli(row.get("renewedAt").asLong()),
                        row.get("progress").asString(null),
                        row.get("lastRun").asString(null)))
                .all());
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
