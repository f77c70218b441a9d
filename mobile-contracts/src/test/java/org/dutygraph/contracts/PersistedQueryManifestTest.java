package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.dutygraph.contracts.manifest.PersistedQueryManifest;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 1 and 6: the build publishes the app's operations as an Apollo persisted-query manifest, and every
 * document of every released manifest ({@code releases/<version>.json}) still validates against the schema, so an
 * old app in citizens' hands keeps working.
 */
class PersistedQueryManifestTest {

    static final Path BUILT = Path.of("target/classes/persisted-queries/manifest.json");
    static final Path RELEASES = Path.of("releases");

    @Test
    void theBuiltManifestHoldsEveryOperationUnderTheHashOfItsTextAsSent() throws IOException {
        var json = Files.readString(BUILT);
        assertThat(json).contains("\"format\": \"apollo-persisted-query-manifest\"", "\"version\": 1");
        var operations = PersistedQueryManifest.read(Contract.OPERATIONS_DIR);
        assertThat(operations).hasSize(Contract.operations().size());
        for (var operation : operations) {
            assertThat(operation.id()).isEqualTo(PersistedQueryManifest.sha256(operation.body()));
            assertThat(json)
                    .as(operation.name())
                    .contains("{\"id\": \"" + operation.id() + "\", \"name\": \"" + operation.name() + "\"");
        }
        assertThat(json).isEqualTo(PersistedQueryManifest.json(operations));
    }

    @Test
    void everyReleasedDocumentValidatesAgainstTheCurrentSchema() throws IOException {
        var schema = Contract.schema(Contract.SCHEMA_DIR);
        var failures = new ArrayList<String>();
        for (var release : releases()) {
            for (var operation : ReleasedManifest.read(release)) {
                var errors = ParseAndValidate.parseAndValidate(
                                schema,
                                ExecutionInput.newExecutionInput(operation.body())
                                        .build())
                        .getErrors();
                errors.forEach(
                        e -> failures.add(release.getFileName() + " " + operation.name() + ": " + e.getMessage()));
            }
        }
        assertThat(failures)
                .as("released app operations the schema no longer serves (deprecate first, remove after the "
                        + "last release using it is dropped from releases/)")
                .isEmpty();
    }

    @Test
    void aReleasedManifestIsPublishedUnchanged() throws IOException {
        for (var release : releases()) {
            for (var operation : ReleasedManifest.read(release)) {
                assertThat(operation.id())
                        .as(release + " " + operation.name())
                        .isEqualTo(PersistedQueryManifest.sha256(operation.body()));
            }
        }
        assertThat(releases()).isNotEmpty();
    }

    static java.util.List<Path> releases() throws IOException {
        try (Stream<Path> files = Files.list(RELEASES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
