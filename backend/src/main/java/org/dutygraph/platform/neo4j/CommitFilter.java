package org.dutygraph.platform.neo4j;

import java.util.HashSet;
import java.util.Set;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;

/**
 * Whether a transaction about to commit changes nodes of some labels or relationships of some types: what a kept
 * read of those depends on. A deleted node's or relationship's labels and type are read from the transaction's own
 * record of them (its properties can no longer say), so deleting something else never counts. A node created in the
 * transaction has all its labels among the assigned ones: its properties are not looked at again (a batch that only
 * creates nodes of unwatched labels, such as a batch of case events, is decided from its labels and relationships).
 *
 * @param nodes labels whose nodes count for any change (created, deleted, a label or a property)
 * @param labelOnly labels whose nodes count only when they get or lose the label (created or deleted)
 * @param relationships relationship types that count for any change
 */
@org.springframework.modulith.NamedInterface("neo4j")
public record CommitFilter(Set<String> nodes, Set<String> labelOnly, Set<String> relationships) {

    public CommitFilter {
        nodes = Set.copyOf(nodes);
        labelOnly = Set.copyOf(labelOnly);
        relationships = Set.copyOf(relationships);
    }

    /** True when the transaction changes something watched; may throw when the data cannot be read. */
    public boolean touches(TransactionData data) {
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
        if (relationshipProperties(data, data.assignedRelationshipProperties())
                || relationshipProperties(data, data.removedRelationshipProperties())) {
            return true;
        }
        var created = new HashSet<Node>();
        data.createdNodes().forEach(created::add);
        return nodeProperties(data, created, data.assignedNodeProperties())
                || nodeProperties(data, created, data.removedNodeProperties());
    }

    private boolean watched(String label) {
        return nodes.contains(label) || labelOnly.contains(label);
    }

    private boolean relationshipProperties(TransactionData data, Iterable<PropertyEntry<Relationship>> entries) {
        for (var entry : entries) {
            if (data.isDeleted(entry.entity())) continue; // its type was looked at above
            if (relationships.contains(entry.entity().getType().name())) return true;
        }
        return false;
    }

    /**
     * A node's entries come one after another: its labels are looked up once (nodes compare by their id; their element
     * ids are strings built anew on each call). A node created in the transaction is skipped: its labels are all
     * assigned ones, looked at above.
     */
    private boolean nodeProperties(TransactionData data, Set<Node> created, Iterable<PropertyEntry<Node>> entries) {
        Node last = null;
        for (var entry : entries) {
            var node = entry.entity();
            if (node.equals(last)) continue;
            last = node;
            if (created.contains(node)) continue; // its labels were all assigned: looked at above
            if (data.isDeleted(node)) continue; // its labels were looked at above
            for (var label : node.getLabels()) {
                if (nodes.contains(label.name())) return true;
            }
        }
        return false;
    }
}
