package org.dutygraph.platform.neo4j;

import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The application's database through Neo4j's Java API when the store is embedded in this JVM, for the few stores
 * that move so many rows that Bolt's encoding between the service and its own database dominates (the conflict
 * projection); empty against a server or cluster, where those stores keep the driver. Its transactions are not
 * Spring's: use it for whole reads or writes of their own, never inside {@code graph.write}.
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
