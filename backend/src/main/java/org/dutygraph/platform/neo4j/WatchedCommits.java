package org.dutygraph.platform.neo4j;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;

/**
 * Counts the transactions committed to the embedded database that change nodes of some labels or relationships of
 * some types, whichever code path, connection or instance sent them: what was read from those while the count stayed
 * the same is still the database's answer. A commit that cannot be classified counts.
 */
@org.springframework.modulith.NamedInterface("neo4j")
public final class WatchedCommits extends TransactionEventListenerAdapter<Boolean> {

    private final Set<String> nodes;
    private final Set<String> labelOnly;
    private final Set<String> relationships;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param nodes labels whose nodes count for any change (created, deleted, a label or a property)
     * @param labelOnly labels whose nodes count only when they get or lose the label (created or deleted)
     * @param relationships relationship types that count for any change
     */
    WatchedCommits(Set<String> nodes, Set<String> labelOnly, Set<String> relationships) {
        this.nodes = Set.copyOf(nodes);
        this.labelOnly = Set.copyOf(labelOnly);
        this.relationships = Set.copyOf(relationships);
    }

    /** Moves on every commit that changed what is watched. */
    public long count() {
        return count.get();
    }

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        try {
            return touches(data);
        } catch (RuntimeException e) {
            return true; // when in doubt, it counts
        }
    }

    /** Counted after the commit, so that what is read after the count moved sees the change. */
    @Override
    public void afterCommit(TransactionData data, Boolean touches, GraphDatabaseService database) {
        if (touches == null || touches) {
            count.incrementAndGet();
        }
    }

    private boolean touches(TransactionData data) {
        for (var entry : data.assignedLabels()) {
            if (watched(entry.label().name())) return true;
        }
        for (var entry : data.removedLabels()) {
            if (watched(entry.label().name())) return true;
        }
        for (var r : data.createdRelationships()) {
            if (relationships.contains(r.getType().name())) return true;
        }
        for (var r : data.deletedRelationships()) {
            if (relationships.contains(r.getType().name())) return true;
        }
        // a deleted node's or relationship's labels and type were looked at above: its properties can no longer say
        if (relationshipProperties(data, data.assignedRelationshipProperties())
                || relationshipProperties(data, data.removedRelationshipProperties())) {
            return true;
        }
        return nodeProperties(data, data.assignedNodeProperties())
                || nodeProperties(data, data.removedNodeProperties());
    }

    private boolean watched(String label) {
        return nodes.contains(label) || labelOnly.contains(label);
    }

    private boolean relationshipProperties(TransactionData data, Iterable<PropertyEntry<Relationship>> entries) {
        for (var entry : entries) {
            if (data.isDeleted(entry.entity())) continue;
            if (relationships.contains(entry.entity().getType().name())) return true;
        }
        return false;
    }

    /** A node's entries come one after another: its labels are looked up once. */
    private boolean nodeProperties(TransactionData data, Iterable<PropertyEntry<Node>> entries) {
        String last = null;
        for (var entry : entries) {
            var node = entry.entity();
            if (node.getElementId().equals(last) || data.isDeleted(node)) continue;
            last = node.getElementId();
            for (var label : node.getLabels()) {
                if (nodes.contains(label.name())) return true;
            }
        }
        return false;
    }
}
