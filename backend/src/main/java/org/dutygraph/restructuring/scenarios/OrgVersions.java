package org.dutygraph.restructuring.scenarios;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.dutygraph.org.bundle.BundleImported;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts the live graph's versions: every successful import is the next one, so a scenario can say what changed since. */
@Component
class OrgVersions {

    private final ScenarioStore store;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final Clock clock;

    OrgVersions(ScenarioStore store, GraphTransactions graph, LockStore locks, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.locks = locks;
        this.clock = clock;
    }

    @EventListener
    void afterImport(BundleImported event) {
        graph.write(() -> {
            locks.job("org-version");
            store.recordChange(event.jobId(), event.entries(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
    }
}
