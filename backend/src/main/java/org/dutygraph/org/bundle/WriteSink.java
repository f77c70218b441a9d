package org.dutygraph.org.bundle;

import java.util.List;
import java.util.Map;

/** Where the writer sends its batches: one transaction for the whole bundle, or one per batch. */
public interface WriteSink {

    void write(String cypher, List<Map<String, Object>> rows);
}
