package org.dutygraph.restructuring.scenarios;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A named draft on top of the live graph (or of another scenario): its steps in order, who owns it and who it
 * is shared with, and the version of the live graph it was created on.
 */
public record Scenario(
        String id,
        String name,
        String owner,
        List<String> sharedWith,
        String baseScenarioId,
        long baseVersion,
        OffsetDateTime createdAt,
        List<Step> steps,
        Applied applied) {

    /** When the scenario became the live graph, by whom, through which import. */
    public record Applied(String importJobId, String by, OffsetDateTime at) {}

    public record Step(ScenarioStep step, String by, OffsetDateTime at) {}

    public boolean visibleTo(String username) {
        return owner.equals(username) || sharedWith.contains(username);
    }
}
