package org.dutygraph.conflicts.engine;

import java.util.List;

/**
 * A duty as it now stands in the graph, for an incremental analysis; {@code exists} is false when it
 * was withdrawn or removed.
 */
public record DutyChange(
        String id,
        boolean exists,
        String holderId,
        boolean byPost,
        String text,
        String role,
        String arrangement,
        String actionId,
        List<String> objectIds,
        String areaId,
        List<String> itemIds) {}
