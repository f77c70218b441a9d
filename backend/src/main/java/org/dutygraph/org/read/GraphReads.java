package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/** Small helpers for batched read queries: one query for many parents, rows keyed by parent id. */
@Component
class GraphReads {

    private final Driver driver;

    GraphReads(Driver driver) {
        this.driver = driver;
    }

    <T> List<T> list(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, params).list(mapper::apply));
        }
    }

    /** Runs a query over {@code $ids} returning {@code key} and {@code value}; values grouped by key, order kept. */
    <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Map<String, Object> extra,
                                     Function<Record, T> mapper) {
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

    <T> Map<String, T> single(String cypher, Collection<String> ids, Map<String, Object> extra, Function<Record, T> mapper) {
        var result = new HashMap<String, T>();
        grouped(cypher, ids, extra, mapper).forEach((k, v) -> result.put(k, v.isEmpty() ? null : v.get(0)));
        return result;
    }
}
