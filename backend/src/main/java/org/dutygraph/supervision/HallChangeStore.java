package org.dutygraph.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The keyset a hall's recorded changes (its thresholds', its workload targets') page on, newest first. A key is the
 * change's time in milliseconds, zero-padded, and its element id, so changes in the same millisecond keep one order.
 */
final class HallChangeStore {

    private static final Set<String> LABELS = Set.of("HallThresholdChange", "HallWorkloadChange");

    private HallChangeStore() {}

    /**
     * Up to {@code limit} changes of the hall after the one whose key is {@code after} (null: from the newest).
     *
     * @param returns the change's fields ({@code c.x AS x, ...}) besides {@code key}
     */
    @SuppressWarnings("unchecked") // the mapper gives a T for every row
    static <T> List<T> newestFirst(
            Neo4jClient neo4j,
            String label,
            String returns,
            String hallId,
            String after,
            int limit,
            Function<Record, T> change) {
        if (!LABELS.contains(label)) throw new IllegalArgumentException(label);
        var params = new HashMap<String, Object>();
        params.put("hall", hallId);
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j
                .query("MATCH (c:" + label + " {hallId: $hall})"
                        + " WITH c, right('0000000000000000' + toString(c.atMillis), 16) + '/' + elementId(c) AS key"
                        + " WHERE $after IS NULL OR key < $after"
                        + " RETURN key, " + returns + " ORDER BY key DESC LIMIT $limit")
                .bindAll(params)
                .fetchAs(Object.class)
                .mappedBy((t, r) -> change.apply(r))
                .all()
                .stream()
                .map(o -> (T) o)
                .toList());
    }
}
