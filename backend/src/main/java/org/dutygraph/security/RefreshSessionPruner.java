package org.dutygraph.security;

import java.time.Clock;
import java.time.Duration;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Component;

/**
 * Deletes refresh sessions that can no longer give an access token (past {@code refresh-session-max-age}, or
 * revoked with every token expired), with their tokens, every hour: every sign-in starts a session, and without
 * this they would pile up for ever. Deleting is idempotent, so several instances may run it.
 */
@Component
class RefreshSessionPruner extends PeriodicJob {

    private static final int BATCH = 1_000;

    private final RefreshTokenStore tokens;
    private final GraphTransactions graph;
    private final SecurityProperties properties;
    private final Clock clock;

    RefreshSessionPruner(
            RefreshTokenStore tokens, GraphTransactions graph, SecurityProperties properties, Clock clock) {
        super("refresh-session-pruner", "Pruning expired refresh sessions");
        this.tokens = tokens;
        this.graph = graph;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    protected void runOnce() {
        pruneDead();
    }

    /** Deletes every dead session, in batches of one transaction each; returns how many. */
    int pruneDead() {
        int total = 0;
        while (true) {
            var now = clock.instant();
            int pruned = graph.write(() -> tokens.pruneDead(now.minus(properties.refreshSessionMaxAge()), now, BATCH));
            total += pruned;
            if (pruned < BATCH) {
                return total;
            }
        }
    }
}
