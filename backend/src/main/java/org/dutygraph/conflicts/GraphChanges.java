package org.dutygraph.conflicts;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.dutygraph.platform.neo4j.CommitFilter;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.springframework.stereotype.Component;

/**
 * Counts the committed transactions that change what the conflict projection reads, so that a projection kept in
 * memory is reused only while the count has not moved. It watches the embedded database itself, so every write
 * counts, whichever code path, connection or instance sent it (another instance writes over this one's Bolt
 * connector). Against a server or cluster it cannot see other instances' writes: {@link #version} is then empty and
 * the projection is read anew for every analysis.
 * <p>
 * The labels and relationship types are those {@code ProjectionStore}'s scans read; a change anywhere else (findings,
 * leases, accounts, complaints) leaves the count alone.
 * <p>
 * Each counted commit is also journalled: the ids of the existing duties whose properties or own relationships
 * (holder, action, objects, area, power items) it changed, or "something else" (a duty created or deleted, a label,
 * any other node or relationship the projection reads). While only existing duties changed since a projection was
 * read, {@link #dutiesChangedSince} names them, and only they need reading again.
 */
@Component
class GraphChanges extends TransactionEventListenerAdapter<Object> {

    /** Any label, property or existence change of these nodes counts. */
    static final Set<String> NODES = Set.of("Area", "Concept", "Organization", "Post", "PowerItem", "Duty");
    /** The projection reads these nodes' labels only (a current holder: {@code (:Person)-[:HOLDS]->(post)}). */
    static final Set<String> LABEL_ONLY = Set.of("Person");

    static final Set<String> RELATIONSHIPS = Set.of(
            "WITHIN",
            "BROADER",
            "PART_OF",
            "IN_AREA",
            "IN_ORG",
            "BACKED_UP_BY",
            "REPORTS_TO",
            "HOLDS",
            "SUPERVISES",
            "HELD_BY",
            "ACTION",
            "ON_OBJECT",
            "EXERCISES");

    private static final CommitFilter PROJECTION = new CommitFilter(NODES, LABEL_ONLY, RELATIONSHIPS);

    /** The relationships from a duty to what it is about; a duty's own, read again with it. */
    static final Set<String> DUTY_RELATIONSHIPS = Set.of("HELD_BY", "ACTION", "ON_OBJECT", "IN_AREA", "EXERCISES");

    /** How many commits the journal remembers; a projection older than that is read anew. */
    static final int JOURNAL = 10_000;

    private static final Label DUTY = Label.label("Duty");
    /** A commit's journal entry when it changed something other than existing duties. */
    private static final Set<String> OTHER = Set.of();
    /** A commit's state when it changed nothing the projection reads. */
    private static final Object UNTOUCHED = new Object();

    /** Guarded by this: the count and its journal move together. */
    private long version;
    /** Guarded by this: version -> ids of the duties that commit changed, or {@link #OTHER}. */
    private final TreeMap<Long, Set<String>> journal = new TreeMap<>();

    private final boolean watching;

    GraphChanges(InProcessGraph graph) {
        this.watching = graph.listen(this);
    }

    /** Moves on every commit that changed what the projection reads; empty where the writes cannot be seen. */
    synchronized OptionalLong version() {
        return watching ? OptionalLong.of(version) : OptionalLong.empty();
    }

    /**
     * The duties changed by the commits counted after {@code from} up to {@code to}, when those commits changed
     * nothing but existing duties (their properties and own relationships) and are still journalled; else empty, and
     * the projection must be read anew.
     */
    synchronized Optional<Set<String>> dutiesChangedSince(long from, long to) {
        if (!watching || from > to || to > version || (from < to && !journal.containsKey(from + 1))) {
            return Optional.empty();
        }
        var duties = new HashSet<String>();
        for (var entry : journal.subMap(from, false, to, true).values()) {
            if (entry == OTHER) return Optional.empty();
            duties.addAll(entry);
        }
        return Optional.of(duties);
    }

    @Override
    public Object beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        try {
            if (!PROJECTION.touches(data)) return UNTOUCHED;
            return changedDuties(data);
        } catch (RuntimeException e) {
            return OTHER; // when in doubt, the projection is read anew
        }
    }

    /** Counted after the commit, so that a projection read after the count moved sees the change. */
    @Override
    public void afterCommit(TransactionData data, Object state, GraphDatabaseService database) {
        if (state == UNTOUCHED) return;
        @SuppressWarnings("unchecked")
        var entry = state instanceof Set<?> duties ? (Set<String>) duties : OTHER;
        synchronized (this) {
            version++;
            journal.put(version, entry);
            while (journal.size() > JOURNAL) journal.pollFirstEntry();
        }
    }

    /** The commit failed: nothing to count. */
    @Override
    public void afterRollback(TransactionData data, Object state, GraphDatabaseService database) {}

    /**
     * The ids of the duties a commit that touches the projection changed, when it changed nothing else it reads:
     * no label assigned or removed (a duty created or deleted), no relationship but a duty's own, no relationship
     * property, no property of another node; else {@link #OTHER}.
     */
    private static Set<String> changedDuties(TransactionData data) {
        for (var entry : data.assignedLabels()) if (watched(entry.label().name())) return OTHER;
        for (var entry : data.removedLabels()) if (watched(entry.label().name())) return OTHER;
        for (var ignored : data.deletedNodes()) {
            // a deleted node's labels can no longer be read: whatever it was, read anew
            return OTHER;
        }
        if (relationships(data.assignedRelationshipProperties())
                || relationships(data.removedRelationshipProperties())) {
            return OTHER;
        }
        var duties = new HashSet<String>();
        for (var r : data.createdRelationships()) {
            if (RELATIONSHIPS.contains(r.getType().name()) && !dutysOwn(r, duties)) return OTHER;
        }
        for (var r : data.deletedRelationships()) {
            if (RELATIONSHIPS.contains(r.getType().name()) && !dutysOwn(r, duties)) return OTHER;
        }
        if (!dutyProperties(data.assignedNodeProperties(), duties)
                || !dutyProperties(data.removedNodeProperties(), duties)) {
            return OTHER;
        }
        return duties;
    }

    /** True, noting the duty, when the relationship is one of a duty's own, from that duty. */
    private static boolean dutysOwn(Relationship r, Set<String> duties) {
        if (!DUTY_RELATIONSHIPS.contains(r.getType().name())) return false;
        var start = r.getStartNode();
        if (!start.hasLabel(DUTY)) return false;
        var id = start.getProperty("id", null);
        if (!(id instanceof String duty)) return false;
        duties.add(duty);
        return true;
    }

    /** True, noting them, when every watched node whose properties changed is a duty that keeps its id. */
    private static boolean dutyProperties(Iterable<PropertyEntry<Node>> entries, Set<String> duties) {
        for (var entry : entries) {
            var node = entry.entity();
            boolean duty = false;
            boolean other = false;
            for (var label : node.getLabels()) {
                duty |= label.name().equals("Duty");
                other |= NODES.contains(label.name()) && !label.name().equals("Duty");
            }
            if (!duty && !other) continue;
            if (other || entry.key().equals("id")) return false;
            var id = node.getProperty("id", null);
            if (!(id instanceof String d)) return false;
            duties.add(d);
        }
        return true;
    }

    private static boolean watched(String label) {
        return NODES.contains(label) || LABEL_ONLY.contains(label);
    }

    private static boolean relationships(Iterable<PropertyEntry<Relationship>> entries) {
        for (var entry : entries) {
            if (RELATIONSHIPS.contains(entry.entity().getType().name())) return true;
        }
        return false;
    }
}
