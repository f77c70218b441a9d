package org.dutygraph.org.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.dutygraph.platform.neo4j.WatchedCommits;
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
 *
 * <p>Rows are remembered per query and parameters until the next commit that changes a label or relationship type
 * the read API reads ({@link ReadLabels}; by any path, an import or a single edit alike; the background jobs'
 * bookkeeping, pushes, complaints and the like leave them), up to {@code dutygraph.read.cache-rows} rows: an unchanged graph gives the same rows, so a page asked again between writes costs no query (measured: the
 * unit page's first 50 duties sort all of a unit's ~10,000 by id, most of its CPU). Who may see what is decided
 * above this store (the schema's {@code @auth} and the resolvers), so rows are shared between callers as the queries
 * themselves would have returned them.
 */
@Component
class InProcessReadStore {

    private final GraphDatabaseService database;
    private final WatchedCommits changes;
    private final Cache<Query, Rows> remembered;

    private record Query(String cypher, Map<String, Object> params) {}

    private record Rows(long writes, List<Record> records) {}

    InProcessReadStore(
            InProcessGraph embedded,
            @org.springframework.beans.factory.annotation.Value("${dutygraph.read.in-process:true}") boolean enabled,
            @org.springframework.beans.factory.annotation.Value("${dutygraph.read.cache-rows:50000}") long cacheRows) {
        this.database = enabled ? embedded.database().orElse(null) : null;
        this.changes = database == null || cacheRows <= 0
                ? null
                : embedded.watch(ReadLabels.FILTER).orElse(null);
        this.remembered = changes == null
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(cacheRows)
                        .<Query, Rows>weigher(
                                (query, rows) -> 1 + rows.records().size())
                        .build();
    }

    /** The embedded database if this read may run in it, else empty (then the caller goes through the driver). */
    Optional<GraphDatabaseService> usable() {
        return database == null || TransactionSynchronizationManager.isActualTransactionActive()
                ? Optional.empty()
                : Optional.of(database);
    }

    <T> List<T> list(GraphDatabaseService db, String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        var rows = remembered == null ? null : remembered(db, cypher, params);
        var records = rows == null ? read(db, cypher, params) : rows.records();
        var mapped = new ArrayList<T>(records.size());
        for (var record : records) {
            mapped.add(mapper.apply(record));
        }
        return mapped;
    }

    private Rows remembered(GraphDatabaseService db, String cypher, Map<String, Object> params) {
        var query = new Query(cypher, new java.util.HashMap<>(params));
        var writes = changes.count();
        var rows = remembered.getIfPresent(query);
        if (rows == null || rows.writes() != writes) {
            rows = new Rows(writes, read(db, cypher, params));
            // a write committed meanwhile may or may not be in these rows: keep them only if none did
            if (changes.count() == writes) {
                remembered.put(query, rows);
            }
        }
        return rows;
    }

    private static List<Record> read(GraphDatabaseService db, String cypher, Map<String, Object> params) {
        try (var tx = db.beginTx();
                var result = tx.execute(cypher, params)) {
            var keys = result.columns();
            var rows = new ArrayList<Record>();
            while (result.hasNext()) {
                var row = result.next();
                var values = new ArrayList<Value>(keys.size());
                for (var key : keys) {
                    values.add(value(row.get(key)));
                }
                rows.add(new InternalRecord(keys, values));
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
