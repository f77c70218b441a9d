package org.dutygraph.platform.neo4j;

import java.util.Set;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;

/**
 * Whether a transaction about to commit changes nodes of some labels or relationships of some types: what a kept
 * read of those depends on. A deleted node's or relationship's labels and type are read from the transaction's own
 * record of them (its properties can no longer say), so deleting something else never counts.
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
        return nodeProperties(data, data.assignedNodeProperties())
                || nodeProperties(data, data.removedNodeProperties());
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

    /** A node's entries come one after another: its labels are looked up once. */
    private boolean nodeProperties(TransactionData data, Iterable<PropertyEntry<Node>> entries) {
        String last = null;
        for (var entry : entries) {
            var node = entry.entity();
            if (node.getElementId().equals(last)) continue;
            last = node.getElementId();
            if (data.isDeleted(node)) continue; // its labels were looked at above
            for (var label : node.getLabels()) {
                if (nodes.contains(label.name())) return true;
            }
        }
        return false;
    }
}
