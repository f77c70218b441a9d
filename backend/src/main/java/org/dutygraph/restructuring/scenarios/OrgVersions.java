package org.dutygraph.restructuring.scenarios;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.dutygraph.org.bundle.BundleImported;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the live graph's versions: every successful import is the next one, so a scenario can say what changed
 * since. Imports run one at a time on the import thread, which calls this; across instances the version's
 * uniqueness constraint refuses a second record of the same number.
 */
@Component
class OrgVersions {

    private final ScenarioStore store;
    private final GraphTransactions graph;
    private final Clock clock;

    OrgVersions(ScenarioStore store, GraphTransactions graph, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.clock = clock;
    }

    @EventListener
    void afterImport(BundleImported event) {
        graph.write(() -> store.recordChange(
                event.jobId(), event.entries(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }
}
