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

    /**
     * True when the transaction changes something watched; may throw when the data cannot be read. Every filter asked
     * about the same commit (each registered listener asks its own, one after another on the committing thread) reads
     * the one summary of that commit's labels and types ({@link Touched}), made by the first.
     */
    public boolean touches(TransactionData data) {
        return Touched.of(data).touches(this);
    }

    /**
     * What one commit touches, by name: the labels nodes got or lost (created and deleted nodes have all theirs
     * there), the types of relationships created or deleted, the types of relationships (not deleted) whose
     * properties changed, and the labels of nodes neither created nor deleted whose properties changed.
     */
    private record Touched(
            java.lang.ref.WeakReference<TransactionData> data,
            Set<String> labels,
            Set<String> relationshipTypes,
            Set<String> relationshipPropertyTypes,
            Set<String> nodePropertyLabels) {

        /** The last commit's summary on this thread: the listeners of one commit run one after another on it. */
        private static final ThreadLocal<Touched> LAST = new ThreadLocal<>();

        static Touched of(TransactionData data) {
            var last = LAST.get();
            if (last != null && last.data.get() == data) return last;
            LAST.remove();
            var made = read(data);
            LAST.set(made);
            return made;
        }

        private static Touched read(TransactionData data) {
            var labels = new HashSet<String>();
            for (var entry : data.assignedLabels()) labels.add(entry.label().name());
            for (var entry : data.removedLabels()) labels.add(entry.label().name());
            var types = new HashSet<String>();
            for (var r : data.createdRelationships()) types.add(r.getType().name());
            for (var r : data.deletedRelationships()) types.add(r.getType().name());
            var propertyTypes = new HashSet<String>();
            relationshipProperties(data, data.assignedRelationshipProperties(), propertyTypes);
            relationshipProperties(data, data.removedRelationshipProperties(), propertyTypes);
            var created = new HashSet<Node>();
            data.createdNodes().forEach(created::add);
            var propertyLabels = new HashSet<String>();
            nodeProperties(data, created, data.assignedNodeProperties(), propertyLabels);
            nodeProperties(data, created, data.removedNodeProperties(), propertyLabels);
            return new Touched(new java.lang.ref.WeakReference<>(data), labels, types, propertyTypes, propertyLabels);
        }

        private static void relationshipProperties(
                TransactionData data, Iterable<PropertyEntry<Relationship>> entries, Set<String> into) {
            for (var entry : entries) {
                if (data.isDeleted(entry.entity())) continue; // its type was read with the deleted ones
                into.add(entry.entity().getType().name());
            }
        }

        /**
         * A node's entries come one after another: its labels are read once (nodes compare by their id; their element
         * ids are strings built anew on each call). A created or deleted node is skipped: its labels are all among the
         * assigned or removed ones.
         */
        private static void nodeProperties(
                TransactionData data, Set<Node> created, Iterable<PropertyEntry<Node>> entries, Set<String> into) {
            Node last = null;
            for (var entry : entries) {
                var node = entry.entity();
                if (node.equals(last)) continue;
                last = node;
                if (created.contains(node)) continue;
                if (data.isDeleted(node)) continue;
                for (var label : node.getLabels()) into.add(label.name());
            }
        }

        boolean touches(CommitFilter filter) {
            for (var label : labels) {
                if (filter.nodes.contains(label) || filter.labelOnly.contains(label)) return true;
            }
            for (var type : relationshipTypes) {
                if (filter.relationships.contains(type)) return true;
            }
            for (var type : relationshipPropertyTypes) {
                if (filter.relationships.contains(type)) return true;
            }
            for (var label : nodePropertyLabels) {
                if (filter.nodes.contains(label)) return true;
            }
            return false;
        }
    }
}
