package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.dutygraph.platform.migrations.CypherMigrations;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class MigrationsApiTest extends ApiTest {

    @Autowired
    CypherMigrations migrations;

    @Test
    void migrationsAreAppliedOnceAndRecorded() {
        migrations.apply();
        try (var session = driver.session()) {
            var versions = session.run("MATCH (m:__Neo4jMigration) RETURN m.version AS v ORDER BY v")
                    .list(r -> r.get("v").asString());
            assertThat(versions).as("every migration file, once, in order").containsExactlyElementsOf(migrationFiles());
            var constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
                    .single()
                    .get("names")
                    .asList(org.neo4j.driver.Value::asString);
            assertThat(constraints)
                    .contains(
                            "duty_id",
                            "organization_id",
                            "post_id",
                            "area_id",
                            "concept_id",
                            "power_item_id",
                            "person_id",
                            "device_token",
                            "push_intent_id");
            var fulltext = session.run(
                            "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer")
                    .list(r ->
                            r.get("name").asString() + ":" + r.get("analyzer").asString());
            assertThat(fulltext).contains("duty_text:cjk", "concept_label:cjk");
        }
    }

    /** The versions of the migration files shipped with the application (V017__Name.cypher -> "017"). */
    private static List<String> migrationFiles() {
        try {
            var files =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:neo4j/migrations/V*__*.cypher");
            var versions = Arrays.stream(files)
                    .map(f -> f.getFilename().substring(1, f.getFilename().indexOf("__")))
                    .sorted()
                    .toList();
            assertThat(versions).as("migration files found").hasSizeGreaterThan(10);
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
