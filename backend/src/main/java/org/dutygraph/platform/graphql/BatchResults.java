package org.dutygraph.platform.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes the answer of a batch mapping: one value per parent object. */
public final class BatchResults {

    private BatchResults() {}

    /** Each parent with the value computed for it (null values allowed, unlike collectors). */
    public static <P, V> Map<P, V> each(List<P> parents, Function<P, V> value) {
        var result = new HashMap<P, V>();
        parents.forEach(p -> result.put(p, value.apply(p)));
        return result;
    }

    /** Each parent with the value loaded under its key. */
    public static <P, V> Map<P, V> byKey(List<P> parents, Function<P, String> key, Map<String, V> values) {
        return each(parents, p -> values.get(key.apply(p)));
    }
}
