package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the read API's queries inside the embedded database through Neo4j's Java API instead of over the loopback
 * Bolt connection (measured: Bolt's encoding, sessions and network stack took about as much CPU per unit page as
 * the database itself). Rows come back as the driver's {@link Record}s, built from the driver's own value classes,
 * so every row mapper serves both paths unchanged. Used only where it can be: the store is embedded, the setting
 * {@code dutygraph.read.in-process} is not false, and no Spring-managed transaction is running on the thread (a
 * read inside {@code graph.write} must see that transaction's own writes, which live in its driver session).
 */
@Component
class InProcessReadStore {

    private final GraphDatabaseService database;

    InProcessReadStore(
            InProcessGraph embedded,
            @org.springframework.beans.factory.annotation.Value("${dutygraph.read.in-process:true}") boolean enabled) {
        this.database = enabled ? embedded.database().orElse(null) : null;
    }

    /** The embedded database if this read may run in it, else empty (then the caller goes through the driver). */
    Optional<GraphDatabaseService> usable() {
        return database == null || TransactionSynchronizationManager.isActualTransactionActive()
                ? Optional.empty()
                : Optional.of(database);
    }

    <T> List<T> list(GraphDatabaseService db, String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        try (var tx = db.beginTx();
                var result = tx.execute(cypher, params)) {
            var keys = result.columns();
            var rows = new ArrayList<T>();
            while (result.hasNext()) {
                var row = result.next();
                var values = new ArrayList<Value>(keys.size());
                for (var key : keys) {
                    values.add(value(row.get(key)));
                }
                rows.add(mapper.apply(new InternalRecord(keys, values)));
            }
            tx.commit();
            return rows;
        }
    }

    /** A value of the embedded API as the driver would have received it over Bolt. */
    @SuppressWarnings("deprecation") // the numeric id: the driver's node carries it next to the element id
    static Value value(Object value) {
        if (value instanceof Node node) {
            var labels = new ArrayList<String>();
            for (Label label : node.getLabels()) {
                labels.add(label.name());
            }
            var properties = new LinkedHashMap<String, Value>();
            node.getAllProperties().forEach((key, property) -> properties.put(key, value(property)));
            return new NodeValue(new InternalNode(node.getId(), node.getElementId(), labels, properties));
        }
        if (value instanceof List<?> list) {
            return Values.value(list.stream().map(InProcessReadStore::value).toList());
        }
        if (value instanceof Map<?, ?> map) {
            var converted = new LinkedHashMap<String, Value>();
            map.forEach((key, entry) -> converted.put((String) key, value(entry)));
            return Values.value(converted);
        }
        if (value instanceof org.neo4j.graphdb.Entity || value instanceof org.neo4j.graphdb.Path) {
            throw new IllegalArgumentException(
                    "In-process reads return nodes, not " + value.getClass().getName());
        }
        return Values.value(value);
    }
}
