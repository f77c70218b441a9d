package org.dutygraph.platform.neo4j;

import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The application's database when the store runs embedded in this JVM, for work measured faster through Neo4j's
 * Java API than over the loopback Bolt connection (reads outside a Spring-managed transaction: see
 * {@link GraphTransactions}); empty against a server or cluster, where the driver is the only way in.
 */
@org.springframework.modulith.NamedInterface("neo4j")
@Component
public class EmbeddedDatabase {

    private final GraphDatabaseService database;

    EmbeddedDatabase(ObjectProvider<DatabaseManagementService> embedded) {
        var service = embedded.getIfAvailable();
        this.database = service == null ? null : service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public Optional<GraphDatabaseService> database() {
        return Optional.ofNullable(database);
    }
}
