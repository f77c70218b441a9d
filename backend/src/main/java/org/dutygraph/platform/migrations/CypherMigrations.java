package org.dutygraph.platform.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the graph-schema migrations ({@code classpath:neo4j/migrations}) once each, in version
 * order, before the application serves requests, and records them as {@code __Neo4jMigration}
 * nodes with a checksum. An applied migration whose file has changed stops start-up.
 *
 * <p>A small stand-in for neo4j-migrations, which does not resolve here; it keeps that library's
 * file naming and record label so it can replace this class later. Scripts must be idempotent
 * ({@code IF NOT EXISTS}): two instances starting together may both run a script.
 */
@Component
public class CypherMigrations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CypherMigrations.class);
    static final String LOCATION = "classpath*:neo4j/migrations/V*.cypher";

    private final Driver driver;

    public CypherMigrations(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void afterSingletonsInstantiated() {
        apply();
    }

    public void apply() {
        for (var migration : discover()) {
            var recorded = recordedChecksum(migration.version());
            if (recorded != null) {
                if (!recorded.equals(migration.checksum())) {
                    throw new IllegalStateException("Migration V" + migration.version()
                            + " was changed after it was applied; add a new migration instead");
                }
                continue;
            }
            log.info("Applying migration V{} {}", migration.version(), migration.description());
            try (var session = driver.session()) {
                for (var statement : migration.statements()) {
                    session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
                }
                session.executeWriteWithoutResult(tx -> tx.run(
                                """
                        MERGE (m:__Neo4jMigration {version: $version})
                        ON CREATE SET m.description = $description, m.checksum = $checksum,
                                      m.installedOn = datetime()
                        """,
                                Map.of(
                                        "version",
                                        migration.version(),
                                        "description",
                                        migration.description(),
                                        "checksum",
                                        migration.checksum()))
                        .consume());
            }
        }
    }

    private String recordedChecksum(String version) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run(
                        "MATCH (m:__Neo4jMigration {version: $version}) RETURN m.checksum AS checksum",
                        Map.of("version", version));
                return result.hasNext() ? result.next().get("checksum").asString() : null;
            });
        }
    }

    static List<CypherMigration> discover() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            var migrations = Arrays.stream(resources)
                    .map(CypherMigrations::read)
                    .sorted(Comparator.comparingInt(CypherMigration::numericVersion))
                    .toList();
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).numericVersion() == migrations.get(i - 1).numericVersion()) {
                    throw new IllegalStateException(
                            "Two migrations have version " + migrations.get(i).version());
                }
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CypherMigration read(Resource resource) {
        try {
            return CypherMigration.of(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
