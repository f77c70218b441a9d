package org.dutygraph.supervision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.dutygraph.platform.jobs.JobThreads;
import org.dutygraph.platform.neo4j.CommitFilter;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.dutygraph.platform.neo4j.WatchedCommits;
import org.dutygraph.supervision.events.CaseEvent;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reads and writes of one batch of case events, in one transaction. With the store embedded the transaction is
 * Neo4j's own, in this JVM, and the batch is read and written through Neo4j's Java API (index seeks by key and id,
 * nodes and relationships created directly): over Cypher, planning and running each row of a batch's UNWIND, and the
 * Bolt encoding of its parameters on a server, cost more than the writes themselves (measured with the supervision
 * benchmark). A server deployment runs the same reads and writes as Cypher statements over all of a batch's rows.
 *
 * <p>An event node holds what its readers read: its key (system and event id; unique because every batch, on either
 * path and any instance, takes the intake's lock before it looks its keys up: since V160 the key has a plain index,
 * not a uniqueness constraint, whose check per new event repeated that look-up), the event id, kind, time (as
 * epoch milliseconds for ordering and the daily workload, with the offset it was sent with: {@link #storedTime}) and
 * the optional fields; its
 * case, power item and unit are its case's ({@code OF_CASE}): an event is only kept when they agree.
 */
@Component
class CaseEventIntakeStore implements AutoCloseable {

    /** A stored case: its power item and unit, and whether a new event must reopen it or unmark it settled. */
    record StoredCase(String powerItemId, String unitId, boolean stale) {}

    private static final long RETRY_NANOS = 30_000_000_000L;
    private static final Label CASE_EVENT = Label.label("CaseEvent");
    private static final Label SUPERVISED_CASE = Label.label("SupervisedCase");
    private static final RelationshipType OF_CASE = RelationshipType.withName("OF_CASE");
    private static final Set<String> REFERENCED = Set.of("PowerItem", "Organization", "Post");
    private static final String LOCK_NAME = "supervision-intake";
    private static final String LOCK = "MERGE (l:JobLock {name: '" + LOCK_NAME + "'}) SET l.heldAt = timestamp()";
    private static final Label JOB_LOCK = Label.label("JobLock");
    /** The fewest events a batch is split at ({@link #parts}): below, a second transaction costs more than it saves. */
    static final int SPLIT_FROM = 200;

    private static final int MOST_WRITERS = 4;
    private static final int WRITERS =
            Math.max(1, Math.min(MOST_WRITERS, Runtime.getRuntime().availableProcessors()));

    /** Changes to the nodes a batch's references name: any counts (created, deleted, a label or a property). */
    private static final CommitFilter REFERENCES = new CommitFilter(REFERENCED, Set.of(), Set.of());

    private final Neo4jClient neo4j;
    private final GraphTransactions graph;
    private final GraphDatabaseService embedded;
    /** Counts the commits that change a power item, unit or post; null against a server or cluster. */
    private final WatchedCommits referenceChanges;
    /** The references found by earlier batches while the count stood at their version. */
    private volatile KnownReferences known;
    /** Write the parts of a batch after the first ({@link #inParts}), which the request's own thread writes. */
    private final ExecutorService writers = JobThreads.fixed("case-event-writer", Math.max(1, WRITERS - 1));

    CaseEventIntakeStore(Neo4jClient neo4j, GraphTransactions graph, InProcessGraph inProcess) {
        this.neo4j = neo4j;
        this.graph = graph;
        this.embedded = inProcess.database().orElse(null);
        this.referenceChanges =
                embedded == null ? null : inProcess.watch(REFERENCES).orElse(null);
    }

    /**
     * The power items, units and posts found by earlier batches (a batch of a day names about as many of them as it
     * has events, and looking each up was a tenth of a batch's work), valid while no commit has changed a node of
     * those labels since they were found: a batch looks up only the ids it does not find there. As with the read
     * API's remembered rows ({@link WatchedCommits}), what was found while the count stood still is the database's
     * answer; a batch that reads a reference the moment another transaction deletes it may see it either way, with
     * or without this.
     */
    private static final class KnownReferences {

        final long version;
        final Map<String, Set<String>> ids = new java.util.concurrent.ConcurrentHashMap<>();

        KnownReferences(long version) {
            this.version = version;
        }

        boolean contains(String label, String id) {
            var found = ids.get(label);
            return found != null && found.contains(id);
        }

        void add(String label, Collection<String> found) {
            ids.computeIfAbsent(label, l -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                    .addAll(found);
        }
    }

    /** The known references at the count as it stands, or null when commits cannot be watched. */
    private KnownReferences knownReferences() {
        if (referenceChanges == null) return null;
        long version = referenceChanges.count();
        var current = known;
        if (current == null || current.version != version) {
            current = new KnownReferences(version);
            known = current;
        }
        return current;
    }

    /**
     * Runs {@code work} in one write transaction, the intake's lock taken first (so batches, even with the same event
     * ids, are stored one after the other: the second finds the first's events). Retries as {@link GraphTransactions}
     * does on a deadlock with another writer of the same cases (the signal evaluation).
     */
    <T> T inBatch(Function<Batch, T> work) {
        if (overCypher()) return graph.write(() -> work.apply(new CypherBatch(neo4j)));
        return inEmbeddedTransaction(work);
    }

    /** A server's store, or a transaction already begun: a batch is read and written as Cypher statements in it. */
    private boolean overCypher() {
        return embedded == null || TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * How many transactions a batch of {@code events} events is written in, side by side ({@link #inParts}): one on a
     * server's store, in a transaction already begun, or for fewer than {@link #SPLIT_FROM} events; else one per core
     * (at most {@link #MOST_WRITERS}).
     */
    int parts(int events) {
        return overCypher() || events < SPLIT_FROM ? 1 : WRITERS;
    }

    /**
     * Runs each of {@code works} in a write transaction of its own, side by side, while one more transaction holds
     * the intake's lock for all of them: the parts must not share a case or an event id (each part's reads would not
     * see another's writes). A part that meets a deadlock is tried again on its own; the others are kept, and every
     * part has ended before the lock is released. Why: the work of one batch (look-ups, writes, and a commit that is
     * half of it) runs on one core, and intake of a day's events then leaves the other idle.
     */
    <T> List<T> inParts(List<Function<Batch, T>> works) {
        try (var holder = embedded.beginTx()) {
            new EmbeddedBatch(holder, this).lockIntake();
            var others = new ArrayList<Future<T>>();
            for (var work : works.subList(1, works.size())) {
                others.add(writers.submit(() -> inEmbeddedTransaction(work)));
            }
            RuntimeException failed = null;
            var results = new ArrayList<T>(works.size());
            try {
                results.add(inEmbeddedTransaction(works.get(0)));
            } catch (RuntimeException e) {
                failed = e;
            }
            for (var other : others) {
                try {
                    results.add(other.get());
                } catch (ExecutionException e) {
                    var cause = e.getCause() instanceof RuntimeException r
                            ? r
                            : new IllegalStateException("a part of a batch of case events failed", e.getCause());
                    if (failed == null) failed = cause;
                    else failed.addSuppressed(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (failed == null) failed = new IllegalStateException("interrupted while writing case events", e);
                }
            }
            if (failed != null) throw failed;
            holder.commit();
            return results;
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    /** One embedded write transaction, tried again as {@link GraphTransactions} does on a deadlock. */
    private <T> T inEmbeddedTransaction(Function<Batch, T> work) {
        long deadline = System.nanoTime() + RETRY_NANOS;
        long backoffMillis = 20;
        while (true) {
            try (var tx = embedded.beginTx()) {
                var result = work.apply(new EmbeddedBatch(tx, this));
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

    /** One batch's reads and writes, in its transaction. */
    interface Batch {

        /** Takes the intake's lock: batches are stored one after the other. */
        void lockIntake();

        /** The stored events among {@code keys} ({@link #key}), by key, with their case's id, power item and unit. */
        Map<String, CaseEvent> stored(Collection<String> keys);

        Map<String, StoredCase> cases(Collection<String> ids);

        /** Which of {@code ids} exist as nodes of the label (PowerItem, Organization or Post). */
        Set<String> existing(String label, Collection<String> ids);

        /**
         * Stores the events: the new cases created, stored cases closed or marked settled opened again (a new event
         * may change what they raise), then every event linked to its case.
         */
        void write(
                String system,
                List<CaseEvent> events,
                Map<String, CaseEventStore.CaseKey> created,
                Collection<String> reopened);
    }

    private static CaseEvent event(
            String caseId,
            String item,
            String unit,
            String eventId,
            String post,
            String kind,
            OffsetDateTime at,
            String step,
            Number stepLimit,
            String reason,
            String feeItem,
            String feeAmount) {
        return new CaseEvent(
                eventId,
                caseId,
                item,
                unit,
                post,
                CaseEvent.Kind.valueOf(kind),
                at,
                step,
                stepLimit == null ? null : stepLimit.intValue(),
                reason,
                feeItem == null ? null : new CaseEvent.Fee(feeItem, feeAmount));
    }

    /**
     * An event's time as stored: {@code atMillis} (epoch milliseconds, for ordering and the daily workload) and
     * {@code atOffset} (the offset it was sent with, in seconds) when the two hold it whole, as for every time given
     * to the millisecond; else, and in events stored before, {@code at} (the time as sent, with its offset, as text)
     * next to {@code atMillis}. Read back it is the same date-time with the same offset either way.
     */
    static OffsetDateTime storedTime(Object at, Object atMillis, Object atOffset) {
        if (at != null) return OffsetDateTime.parse((String) at);
        return OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(((Number) atMillis).longValue()),
                java.time.ZoneOffset.ofTotalSeconds(((Number) atOffset).intValue()));
    }

    /** The properties of an event's node (absent optional fields are not written), given one by one to {@code to}. */
    private static void properties(String system, CaseEvent e, java.util.function.BiConsumer<String, Object> to) {
        to.accept("key", key(system, e.eventId()));
        to.accept("eventId", e.eventId());
        to.accept("kind", e.kind().name());
        var instant = e.at().toInstant();
        to.accept("atMillis", instant.toEpochMilli());
        if (instant.getNano() % 1_000_000 == 0) {
            to.accept("atOffset", (long) e.at().getOffset().getTotalSeconds());
        } else {
            to.accept("at", e.at().toString());
        }
        if (e.postId() != null) to.accept("postId", e.postId());
        if (e.step() != null) to.accept("step", e.step());
        if (e.stepLimitDays() != null)
            to.accept("stepLimitDays", e.stepLimitDays().longValue());
        if (e.reason() != null) to.accept("reason", e.reason());
        if (e.fee() != null) {
            to.accept("feeItem", e.fee().item());
            to.accept("feeAmount", e.fee().amount());
        }
    }

    /** The properties of an event's node as a map, for a statement's row. */
    private static Map<String, Object> properties(String system, CaseEvent e) {
        var row = new HashMap<String, Object>(16);
        properties(system, e, row::put);
        return row;
    }

    /** A server's store: each read and write one statement over all of the batch's rows. */
    private static final class CypherBatch implements Batch {

        private final Neo4jClient neo4j;

        CypherBatch(Neo4jClient neo4j) {
            this.neo4j = neo4j;
        }

        private List<Map<String, Object>> rows(String query, Map<String, Object> parameters) {
            return List.copyOf(neo4j.query(query).bindAll(parameters).fetch().all());
        }

        @Override
        public void lockIntake() {
            rows(LOCK, Map.of());
        }

        @Override
        public Map<String, CaseEvent> stored(Collection<String> keys) {
            var found = new HashMap<String, CaseEvent>();
            for (var r : rows("""
                    UNWIND $keys AS key MATCH (e:CaseEvent {key: key})-[:OF_CASE]->(c:SupervisedCase)
                    RETURN key, e.eventId AS eventId, c.id AS caseId, c.powerItemId AS item, c.unitId AS unit,
                           e.postId AS post, e.kind AS kind, e.at AS at, e.atMillis AS atMillis, e.atOffset AS atOffset,
                           e.step AS step, e.stepLimitDays AS stepLimit,
                           e.reason AS reason, e.feeItem AS feeItem, e.feeAmount AS feeAmount""", Map.of("keys", List.copyOf(keys)))) {
                found.put(
                        (String) r.get("key"),
                        event(
                                (String) r.get("caseId"),
                                (String) r.get("item"),
                                (String) r.get("unit"),
                                (String) r.get("eventId"),
                                (String) r.get("post"),
                                (String) r.get("kind"),
                                storedTime(r.get("at"), r.get("atMillis"), r.get("atOffset")),
                                (String) r.get("step"),
                                (Number) r.get("stepLimit"),
                                (String) r.get("reason"),
                                (String) r.get("feeItem"),
                                (String) r.get("feeAmount")));
            }
            return found;
        }

        @Override
        public Map<String, StoredCase> cases(Collection<String> ids) {
            var found = new HashMap<String, StoredCase>();
            for (var r : rows("""
                    UNWIND $ids AS id MATCH (c:SupervisedCase {id: id})
                    RETURN id, c.powerItemId AS item, c.unitId AS unit,
                           c.open IS NULL OR c.open <> true OR c.settledTerms IS NOT NULL AS stale""", Map.of("ids", List.copyOf(ids)))) {
                found.put((String) r.get("id"), new StoredCase((String) r.get("item"), (String) r.get("unit"), (Boolean)
                        r.get("stale")));
            }
            return found;
        }

        @Override
        public Set<String> existing(String label, Collection<String> ids) {
            if (!REFERENCED.contains(label)) throw new IllegalArgumentException(label);
            var found = new HashSet<String>();
            for (var r : rows(
                    "UNWIND $ids AS id MATCH (n:" + label + " {id: id}) RETURN id", Map.of("ids", List.copyOf(ids)))) {
                found.add((String) r.get("id"));
            }
            return found;
        }

        /** Three statements over the whole batch, never a MERGE per event (an Eager plan, each case written once per event). */
        @Override
        public void write(
                String system,
                List<CaseEvent> events,
                Map<String, CaseEventStore.CaseKey> created,
                Collection<String> reopened) {
            if (!created.isEmpty()) {
                var rows = new ArrayList<Map<String, Object>>(created.size());
                created.forEach((id, c) -> rows.add(Map.of("id", id, "item", c.powerItemId(), "unit", c.unitId())));
                rows("""
                        UNWIND $rows AS row
                        CREATE (:SupervisedCase {id: row.id, powerItemId: row.item, unitId: row.unit, open: true})""", Map.of("rows", rows));
            }
            if (!reopened.isEmpty()) {
                rows(
                        "UNWIND $ids AS id MATCH (c:SupervisedCase {id: id}) SET c.open = true REMOVE c.settledTerms",
                        Map.of("ids", List.copyOf(reopened)));
            }
            var rows = new ArrayList<Map<String, Object>>(events.size());
            for (var e : events) rows.add(Map.of("caseId", e.caseId(), "properties", properties(system, e)));
            rows("""
                    UNWIND $rows AS row
                    MATCH (c:SupervisedCase {id: row.caseId})
                    CREATE (e:CaseEvent)-[:OF_CASE]->(c)
                    SET e = row.properties""", Map.of("rows", rows));
        }
    }

    /** The embedded store: Neo4j's Java API in the batch's own transaction. */
    private static final class EmbeddedBatch implements Batch {

        private final Transaction tx;
        private final CaseEventIntakeStore store;
        /** The batch's cases read or created, by id. */
        private final Map<String, Node> caseNodes = new HashMap<>();

        EmbeddedBatch(Transaction tx, CaseEventIntakeStore store) {
            this.tx = tx;
            this.store = store;
        }

        /**
         * Takes the write lock of the intake's {@code JobLock} node through the Java API: the same lock the Cypher
         * path's {@code SET} takes on that node, so batches on either path and any instance still wait for each
         * other, without planning and running a statement and writing {@code heldAt} per batch. The node is made by
         * that statement the first time (its name is unique: V007).
         */
        @Override
        public void lockIntake() {
            var lock = tx.findNode(JOB_LOCK, "name", LOCK_NAME);
            if (lock == null) {
                tx.execute(LOCK).close();
            } else {
                tx.acquireWriteLock(lock);
            }
        }

        @Override
        public Map<String, CaseEvent> stored(Collection<String> keys) {
            var found = new HashMap<String, CaseEvent>();
            for (var key : keys) {
                var e = tx.findNode(CASE_EVENT, "key", key);
                if (e == null) continue;
                var c = e.getSingleRelationship(OF_CASE, Direction.OUTGOING).getEndNode();
                var p = e.getProperties(
                        "eventId",
                        "postId",
                        "kind",
                        "at",
                        "atMillis",
                        "atOffset",
                        "step",
                        "stepLimitDays",
                        "reason",
                        "feeItem",
                        "feeAmount");
                found.put(
                        key,
                        event(
                                (String) c.getProperty("id"),
                                (String) c.getProperty("powerItemId"),
                                (String) c.getProperty("unitId"),
                                (String) p.get("eventId"),
                                (String) p.get("postId"),
                                (String) p.get("kind"),
                                storedTime(p.get("at"), p.get("atMillis"), p.get("atOffset")),
                                (String) p.get("step"),
                                (Number) p.get("stepLimitDays"),
                                (String) p.get("reason"),
                                (String) p.get("feeItem"),
                                (String) p.get("feeAmount")));
            }
            return found;
        }

        @Override
        public Map<String, StoredCase> cases(Collection<String> ids) {
            var found = new HashMap<String, StoredCase>();
            for (var id : ids) {
                var c = tx.findNode(SUPERVISED_CASE, "id", id);
                if (c == null) continue;
                caseNodes.put(id, c);
                var p = c.getProperties("powerItemId", "unitId", "open", "settledTerms");
                boolean stale = !Boolean.TRUE.equals(p.get("open")) || p.get("settledTerms") != null;
                found.put(id, new StoredCase((String) p.get("powerItemId"), (String) p.get("unitId"), stale));
            }
            return found;
        }

        @Override
        public Set<String> existing(String label, Collection<String> ids) {
            if (!REFERENCED.contains(label)) throw new IllegalArgumentException(label);
            var nodes = Label.label(label);
            var known = store.knownReferences();
            var found = new HashSet<String>();
            var looked = new HashSet<String>();
            for (var id : ids) {
                if (known != null && known.contains(label, id)) {
                    found.add(id);
                } else if (tx.findNode(nodes, "id", id) != null) {
                    found.add(id);
                    looked.add(id);
                }
            }
            // kept only if no change to those nodes was counted meanwhile (else the next batch starts afresh)
            if (known != null && !looked.isEmpty() && store.referenceChanges.count() == known.version) {
                known.add(label, looked);
            }
            return found;
        }

        @Override
        public void write(
                String system,
                List<CaseEvent> events,
                Map<String, CaseEventStore.CaseKey> created,
                Collection<String> reopened) {
            // each node's properties set before its label: Neo4j then matches the label's indexes and constraints
            // against the node once, when the label is added, instead of once for every property set
            created.forEach((id, c) -> {
                var node = tx.createNode();
                node.setProperty("id", id);
                node.setProperty("powerItemId", c.powerItemId());
                node.setProperty("unitId", c.unitId());
                node.setProperty("open", true);
                node.addLabel(SUPERVISED_CASE);
                caseNodes.put(id, node);
            });
            for (var id : reopened) {
                var node = caseNodes.get(id);
                node.setProperty("open", true);
                node.removeProperty("settledTerms");
            }
            for (var e : events) {
                var node = tx.createNode();
                properties(system, e, node::setProperty);
                node.addLabel(CASE_EVENT);
                node.createRelationshipTo(caseNodes.get(e.caseId()), OF_CASE);
            }
        }
    }
}
