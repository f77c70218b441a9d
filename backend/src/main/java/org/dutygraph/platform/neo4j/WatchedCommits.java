package org.dutygraph.platform.neo4j;

import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;

/**
 * Counts the transactions committed to the embedded database that change what a {@link CommitFilter} watches,
 * whichever code path, connection or instance sent them: what was read from those while the count stayed
 * the same is still the database's answer. A commit that cannot be classified counts.
 */
@org.springframework.modulith.NamedInterface("neo4j")
public final class WatchedCommits extends TransactionEventListenerAdapter<Boolean> {

    private final CommitFilter filter;
    private final AtomicLong count = new AtomicLong();

    WatchedCommits(CommitFilter filter) {
        this.filter = filter;
    }

    /** Moves on every commit that changed what is watched. */
    public long count() {
        return count.get();
    }

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        try {
            return filter.touches(data);
        } catch (RuntimeException e) {
            return true; // when in doubt, it counts
        }
    }

    /** Counted after the commit, so that what is read after the count moved sees the change. */
    @Override
    public void afterCommit(TransactionData data, Boolean touches, GraphDatabaseService database) {
        if (touches == null || touches) {
            count.incrementAndGet();
        }
    }
}
