package org.dutygraph.conflicts;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.graphdb.GraphDatabaseService;
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
 */
@Component
class GraphChanges extends TransactionEventListenerAdapter<Boolean> {

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

    private final AtomicLong version = new AtomicLong();
    private final boolean watching;

    GraphChanges(InProcessGraph graph) {
        this.watching = graph.listen(this);
    }

    /** Moves on every commit that changed what the projection reads; empty where the writes cannot be seen. */
    OptionalLong version() {
        return watching ? OptionalLong.of(version.get()) : OptionalLong.empty();
    }

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        try {
            return touchesProjection(data);
        } catch (RuntimeException e) {
            return true; // when in doubt, the projection is read anew
        }
    }

    /** Counted after the commit, so that a projection read after the count moved sees the change. */
    @Override
    public void afterCommit(TransactionData data, Boolean touches, GraphDatabaseService database) {
        if (touches == null || touches) {
            version.incrementAndGet();
        }
    }

    private static boolean touchesProjection(TransactionData data) {
        for (var entry : data.assignedLabels()) {
            if (watched(entry.label().name())) return true;
        }
        for (var entry : data.removedLabels()) {
            if (watched(entry.label().name())) return true;
        }
        for (var r : data.createdRelationships()) {
            if (RELATIONSHIPS.contains(r.getType().name())) return true;
        }
        for (var r : data.deletedRelationships()) {
            if (RELATIONSHIPS.contains(r.getType().name())) return true;
        }
        if (relationships(data.assignedRelationshipProperties())
                || relationships(data.removedRelationshipProperties())) {
            return true;
        }
        return nodes(data.assignedNodeProperties()) || nodes(data.removedNodeProperties());
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

    /** A node's entries come one after another: its labels are looked up once. */
    private static boolean nodes(Iterable<PropertyEntry<Node>> entries) {
        long last = -1;
        for (var entry : entries) {
            var node = entry.entity();
            if (node.getId() == last) continue;
            last = node.getId();
            for (var label : node.getLabels()) {
                if (NODES.contains(label.name())) return true;
            }
        }
        return false;
    }
}
