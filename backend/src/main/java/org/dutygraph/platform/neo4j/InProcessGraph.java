package org.dutygraph.platform.neo4j;

import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
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

    private final GraphDatabaseService database;

    InProcessGraph(ObjectProvider<DatabaseManagementService> embedded) {
        var service = embedded.getIfAvailable();
        this.database = service == null ? null : service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public Optional<GraphDatabaseService> database() {
        return Optional.ofNullable(database);
    }
}
