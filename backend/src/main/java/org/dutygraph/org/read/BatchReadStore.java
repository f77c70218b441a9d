package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Small helpers for batched read queries: one query for many parents, rows keyed by parent id. Each query
 * joins the caller's transaction when there is one; outside one it runs in the embedded database itself when the
 * store is embedded ({@link InProcessReadStore}), else through the driver.
 */
@Component
class BatchReadStore {

    private final Neo4jClient neo4j;
    private final InProcessReadStore inProcess;

    BatchReadStore(Neo4jClient neo4j, InProcessReadStore inProcess) {
        this.neo4j = neo4j;
        this.inProcess = inProcess;
    }

    <T> List<T> list(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        var embedded = inProcess.usable();
        if (embedded.isPresent()) {
            return inProcess.list(embedded.get(), cypher, params, mapper);
        }
        return neo4j.delegateTo(runner -> Optional.of(runner.run(cypher, params).list(mapper::apply)))
                .run()
                .orElseThrow();
    }

    /** Runs a query over {@code $ids} returning {@code key} and {@code value}; values grouped by key, order kept. */
    <T> Map<String, List<T>> grouped(
            String cypher, Collection<String> ids, Map<String, Object> extra, Function<Record, T> mapper) {
        var params = new HashMap<String, Object>(extra);
        params.put("ids", List.copyOf(ids));
        var result = new LinkedHashMap<String, List<T>>();
        ids.forEach(id -> result.put(id, new ArrayList<>()));
        for (var row : list(cypher, params, r -> Map.entry(r.get("key").asString(), mapper.apply(r)))) {
            result.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return result;
    }

    <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
        return grouped(cypher, ids, Map.of(), mapper);
    }

    /** As {@link #grouped} for queries returning at most one value per key; missing keys map to null. */
    <T> Map<String, T> single(String cypher, Collection<String> ids, Function<Record, T> mapper) {
        return single(cypher, ids, Map.of(), mapper);
    }

    <T> Map<String, T> single(
            String cypher, Collection<String> ids, Map<String, Object> extra, Function<Record, T> mapper) {
        var result = new HashMap<String, T>();
        grouped(cypher, ids, extra, mapper).forEach((k, v) -> result.put(k, v.isEmpty() ? null : v.get(0)));
        return result;
    }
}
