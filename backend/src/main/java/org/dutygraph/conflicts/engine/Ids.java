package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense int indexes for string ids, so that the analysis works on arrays. */
final class Ids {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int add(String id) {
        return index.computeIfAbsent(id, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    /** The index of an id, or -1 for null or unknown ids. */
    int of(String id) {
        if (id == null) {
            return -1;
        }
        var i = index.get(id);
        return i == null ? -1 : i;
    }

    String id(int i) {
        return ids.get(i);
    }

    int size() {
        return ids.size();
    }
}
