package org.dutygraph.platform.neo4j;

import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The application's database through Neo4j's Java API when the store is embedded in this JVM, for stores measured
 * faster that way than over the loopback Bolt connection (the conflict projection and its findings, the read API's
 * batched reads outside a Spring-managed transaction); empty against a server or cluster, where the driver is the
 * only way in. Its transactions are not Spring's: use it for whole reads or writes of their own, never inside
 * {@code graph.write}.
 */
@Component
@org.springframework.modulith.NamedInterface("neo4j")
public class InProcessGraph {

    private final DatabaseManagementService service;
    private final GraphDatabaseService database;

    InProcessGraph(ObjectProvider<DatabaseManagementService> embedded) {
        this.service = embedded.getIfAvailable();
        this.database = service == null ? null : service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /**
     * Tells the listener of every transaction committed to the database, whichever connection or instance sent it
     * (Bolt included); false against a server or cluster, where this JVM does not see other instances' writes.
     */
    public boolean listen(TransactionEventListener<?> listener) {
        if (service == null) {
            return false;
        }
        service.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
        return true;
    }

    /**
     * Counts the commits that change what the filter watches, whichever connection or instance sent them; empty
     * against a server or cluster, where this JVM does not see other instances' writes.
     */
    public Optional<WatchedCommits> watch(CommitFilter filter) {
        var watch = new WatchedCommits(filter);
        return listen(watch) ? Optional.of(watch) : Optional.empty();
    }

    public Optional<GraphDatabaseService> database() {
        return Optional.ofNullable(database);
    }
}
