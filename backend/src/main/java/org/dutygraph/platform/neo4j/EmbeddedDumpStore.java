package org.dutygraph.platform.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.dbms.archive.DumpFormatSelector;
import org.neo4j.dbms.archive.Dumper;
import org.neo4j.dbms.archive.IncorrectFormat;
import org.neo4j.dbms.archive.Loader;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;

/**
 * Backs up and restores the embedded store as a Neo4j dump ({@code neo4j-admin database dump} format, so a Neo4j
 * server can load it too). The store must not be in use: the service is stopped for the dump, which is what makes
 * the copy consistent (Neo4j community has no online backup). Before dumping, the store is opened once (which
 * recovers it if its last process stopped uncleanly, and refuses a store in use) and its nodes and relationships
 * are counted for the backup's manifest.
 */
@org.springframework.modulith.NamedInterface("neo4j")
public final class EmbeddedDumpStore {

    /** What a store holds, to compare a restore with its backup. */
    public record Counts(long nodes, long relationships) {}

    private EmbeddedDumpStore() {}

    /** Writes the store's default database to {@code archive}; answers what it held. */
    public static Counts dump(Path home, Path archive) throws IOException {
        var counts = open(home);
        var layout = layout(home);
        try (var fs = new DefaultFileSystemAbstraction()) {
            var dumper = new Dumper(fs, System.err);
            var lockFile = layout.databaseLockFile().getFileName().toString();
            dumper.dump(
                    layout.databaseDirectory(),
                    layout.getTransactionLogsDirectory(),
                    dumper.openForDump(archive),
                    DumpFormatSelector.selectFormat(),
                    path -> path.getFileName().toString().equals(lockFile));
        }
        return counts;
    }

    /** Loads {@code archive} as the default database of a new store at {@code home}; answers what it holds. */
    public static Counts load(Path archive, Path home) throws IOException {
        var layout = layout(home);
        if (Files.exists(layout.databaseDirectory())) {
            throw new IOException("a store already exists at " + home + "; restore into a new directory");
        }
        Files.createDirectories(home);
        OwnerOnly.directory(home);
        Files.createDirectories(layout.databaseDirectory().getParent());
        Files.createDirectories(layout.getTransactionLogsDirectory().getParent());
        try (var fs = new DefaultFileSystemAbstraction()) {
            new Loader(fs, System.err).load(archive, layout, true, true, DumpFormatSelector::decompress);
        } catch (IncorrectFormat e) {
            throw new IOException("not a Neo4j dump: " + archive, e);
        }
        return open(home);
    }

    /** Opens the store without connectors (recovering it if needed), counts, and closes it; refuses one in use. */
    public static Counts open(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            throw new IOException("no store at " + home);
        }
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, false)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .build();
        } catch (RuntimeException e) {
            throw new IOException("the store at " + home + " is in use or unreadable: stop the service first", e);
        }
        try {
            var db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofSeconds(30).toMillis())) {
                throw new IOException("the store at " + home + " is in use or unreadable: stop the service first");
            }
            return db.executeTransactionally(
                    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }"
                            + " RETURN nodes, rels",
                    java.util.Map.of(),
                    result -> {
                        var row = result.next();
                        return new Counts((Long) row.get("nodes"), (Long) row.get("rels"));
                    },
                    Duration.ofMinutes(10));
        } finally {
            dbms.shutdown();
        }
    }

    private static DatabaseLayout layout(Path home) {
        return Neo4jLayout.of(home.toAbsolutePath()).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }
}
