package org.dutygraph.restructuring;

import java.util.List;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;

/**
 * Two organisation states side by side: what their conflict analyses have in common and not, how their duties
 * moved, staffing against quota per unit and spans of control. The states are kept for reports that draw them.
 */
public record OrgComparison(
        State before,
        State after,
        List<Finding> resolved,
        List<Finding> created,
        List<Persisting> persisting,
        List<DutyMove> dutiesMoved,
        List<String> dutiesDropped,
        List<String> dutiesAdded,
        List<Staffing> staffing,
        SpansOfControl spans) {

    /** One side: the bundle, its findings and counts of what is active in it. */
    public record State(Bundle bundle, List<Finding> findings, int units, int posts, int duties) {}

    /** The same conflict in both states; the after side carries the ids it has there. */
    public record Persisting(Finding before, Finding after) {}

    public record DutyMove(String duty, String from, String to) {}

    /** A unit with a quota on either side; a side without the unit or its quota is null. */
    public record Staffing(
            String unit, Integer quotaBefore, Integer quotaAfter, Integer filledBefore, Integer filledAfter) {}
}
