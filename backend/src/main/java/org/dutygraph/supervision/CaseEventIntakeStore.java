package org.dutygraph.supervision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.dutygraph.supervision.events.CaseEvent;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.TransientFailureException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reads and writes of one batch of case events, in one transaction. With the store embedded the transaction is
 * Neo4j's own, in this JVM: a batch's statements carry thousands of rows of parameters, which over the loopback Bolt
 * connection cost about as much to encode, send and decode as to write (measured with the intake benchmark).
 */
@Component
class CaseEventIntakeStore {

    /** A stored case: its power item and unit, and whether a new event must reopen it or unmark it settled. */
    record StoredCase(String powerItemId, String unitId, boolean stale) {}

    /** What runs a statement in the batch's transaction: rows as maps of plain Java values. */
    private interface Cypher {
        List<Map<String, Object>> rows(String query, Map<String, Object> parameters);
    }

    private static final long RETRY_NANOS = 30_000_000_000L;

    private final Neo4jClient neo4j;
    private final GraphTransactions graph;
    private final GraphDatabaseService embedded;

    CaseEventIntakeStore(Neo4jClient neo4j, GraphTransactions graph, InProcessGraph inProcess) {
        this.neo4j = neo4j;
        this.graph = graph;
        this.embedded = inProcess.database().orElse(null);
    }

    /**
     * Runs {@code work} in one write transaction, the intake's lock taken first (so batches, even with the same event
     * ids, are stored one after the other: the second finds the first's events). Retries as {@link GraphTransactions}
     * does on a deadlock with another writer of the same cases (the signal evaluation).
     */
    <T> T inBatch(Function<Batch, T> work) {
        if (embedded == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return graph.write(() -> work.apply(new Batch((query, parameters) ->
                    List.copyOf(neo4j.query(query).bindAll(parameters).fetch().all()))));
        }
        long deadline = System.nanoTime() + RETRY_NANOS;
        long backoffMillis = 20;
        while (true) {
            try (var tx = embedded.beginTx()) {
                var result = work.apply(new Batch((query, parameters) -> {
                    var rows = new ArrayList<Map<String, Object>>();
                    try (var found = tx.execute(query, parameters)) {
                        found.forEachRemaining(rows::add);
                    }
                    return rows;
                }));
                tx.commit();
                return result;
            } catch (TransientFailureException e) {
                if (System.nanoTime() > deadline) throw e;
                sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, 1_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch of case events", e);
        }
    }

    static String key(String system, String eventId) {
        return system + "/" + eventId;
    }

    /** What makes two events the same event: every field as sent (times compared as instants with their offset). */
    static String fingerprint(CaseEvent e) {
        return String.join(
                "\u0001",
                e.caseId(),
                e.powerItemId(),
                e.unitId(),
                String.valueOf(e.postId()),
                e.kind().name(),
                e.at().toString(),
                String.valueOf(e.step()),
                String.valueOf(e.stepLimitDays()),
                String.valueOf(e.reason()),
                e.fee() == null ? "null" : e.fee().item() + "\u0002" + e.fee().amount());
    }

    /** One batch's statements, each over all of the batch's rows at once. */
    static final class Batch {

        private final Cypher cypher;

        private Batch(Cypher cypher) {
            this.cypher = cypher;
        }

        void lockIntake() {
            cypher.rows("MERGE (l:JobLock {name: 'supervision-intake'}) SET l.heldAt = timestamp()", Map.of());
        }

        /**
         * The fingerprint of each stored event among {@code keys}, from its stored fields (events stored before
         * the fingerprint stopped being written compare the same way).
         */
        Map<String, String> fingerprints(Collection<String> keys) {
            var found = new HashMap<String, String>();
            for (var r : cypher.rows("""
                    UNWIND $keys AS key MATCH (e:CaseEvent {key: key})
                    RETURN key, e.eventId AS eventId, e.caseId AS caseId, e.powerItemId AS item, e.unitId AS unit,
                           e.postId AS post, e.kind AS kind, e.at AS at, e.step AS step, e.stepLimitDays AS stepLimit,
                           e.reason AS reason, e.feeItem AS feeItem, e.feeAmount AS feeAmount""", Map.of("keys", List.copyOf(keys)))) {
                var feeItem = (String) r.get("feeItem");
                var stepLimit = (Number) r.get("stepLimit");
                found.put(
                        (String) r.get("key"),
                        fingerprint(new CaseEvent(
                                (String) r.get("eventId"),
                                (String) r.get("caseId"),
                                (String) r.get("item"),
                                (String) r.get("unit"),
                                (String) r.get("post"),
                                CaseEvent.Kind.valueOf((String) r.get("kind")),
                                OffsetDateTime.parse((String) r.get("at")),
                                (String) r.get("step"),
                                stepLimit == null ? null : stepLimit.intValue(),
                                (String) r.get("reason"),
                                feeItem == null ? null : new CaseEvent.Fee(feeItem, (String) r.get("feeAmount")))));
            }
            return found;
        }

        Map<String, StoredCase> cases(Collection<String> ids) {
            var found = new HashMap<String, StoredCase>();
            for (var r : cypher.rows("""
                    UNWIND $ids AS id MATCH (c:SupervisedCase {id: id})
                    RETURN id, c.powerItemId AS item, c.unitId AS unit,
                           c.open IS NULL OR c.open <> true OR c.settledTerms IS NOT NULL AS stale""", Map.of("ids", List.copyOf(ids)))) {
                found.put((String) r.get("id"), new StoredCase((String) r.get("item"), (String) r.get("unit"), (Boolean)
                        r.get("stale")));
            }
            return found;
        }

        /** Which of {@code ids} exist as nodes of the label (PowerItem, Organization or Post). */
        Set<String> existing(String label, Collection<String> ids) {
            if (!Set.of("PowerItem", "Organization", "Post").contains(label)) throw new IllegalArgumentException(label);
            var found = new HashSet<String>();
            for (var r : cypher.rows(
                    "UNWIND $ids AS id MATCH (n:" + label + " {id: id}) RETURN id", Map.of("ids", List.copyOf(ids)))) {
                found.add((String) r.get("id"));
            }
            return found;
        }

        /**
         * Stores the events: the new cases created, stored cases closed or marked settled opened again (a new event
         * may change what they raise), then every event linked to its case. Three statements over the whole batch
         * instead of a MERGE per event, which made the planner read the whole batch eagerly and wrote each case once
         * per event.
         */
        void write(
                String system,
                List<CaseEvent> events,
                Map<String, CaseEventStore.CaseKey> created,
                Collection<String> reopened,
                String receivedAt) {
            if (!created.isEmpty()) {
                var rows = new ArrayList<Map<String, Object>>(created.size());
                created.forEach((id, c) -> rows.add(Map.of("id", id, "item", c.powerItemId(), "unit", c.unitId())));
                cypher.rows("""
                        UNWIND $rows AS row
                        CREATE (:SupervisedCase {id: row.id, powerItemId: row.item, unitId: row.unit, open: true})""", Map.of("rows", rows));
            }
            if (!reopened.isEmpty()) {
                cypher.rows(
                        "UNWIND $ids AS id MATCH (c:SupervisedCase {id: id}) SET c.open = true REMOVE c.settledTerms",
                        Map.of("ids", List.copyOf(reopened)));
            }
            var rows = new ArrayList<Map<String, Object>>(events.size());
            for (var e : events) {
                var row = new HashMap<String, Object>();
                row.put("key", key(system, e.eventId()));
                row.put("eventId", e.eventId());
                row.put("caseId", e.caseId());
                row.put("powerItemId", e.powerItemId());
                row.put("unitId", e.unitId());
                row.put("kind", e.kind().name());
                row.put("at", e.at().toString());
                row.put("atMillis", e.at().toInstant().toEpochMilli());
                row.put("system", system);
                row.put("receivedAt", receivedAt);
                if (e.postId() != null) row.put("postId", e.postId());
                if (e.step() != null) row.put("step", e.step());
                if (e.stepLimitDays() != null)
                    row.put("stepLimitDays", e.stepLimitDays().longValue());
                if (e.reason() != null) row.put("reason", e.reason());
                if (e.fee() != null) {
                    row.put("feeItem", e.fee().item());
                    row.put("feeAmount", e.fee().amount());
                }
                rows.add(row);
            }
            cypher.rows("""
                    UNWIND $rows AS row
                    MATCH (c:SupervisedCase {id: row.caseId})
                    CREATE (e:CaseEvent)-[:OF_CASE]->(c)
                    SET e = row""", Map.of("rows", rows));
        }
    }
}
