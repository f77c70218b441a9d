package org.dutygraph.contracts;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the contract from this module's sources: the schema files and the app's operation documents. */
final class Contract {

    static final Path SCHEMA_DIR = Path.of("src/main/resources/graphql");
    static final Path OPERATIONS_DIR = Path.of("src/main/resources/operations");
    static final Path BASELINE_DIR = Path.of("src/test/resources/baseline");

    static String sdl(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".graphqls"))
                    .sorted()
                    .map(Contract::read)
                    .reduce("", (a, b) -> a + "\n" + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GraphQLSchema schema(Path directory) {
        return schemaOf(sdl(directory));
    }

    static GraphQLSchema schemaOf(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /** Every document the schema does not validate, each with its label and the validator's message. */
    static List<String> invalidDocuments(GraphQLSchema schema, List<CompatibilityGate.ClientDocument> documents) {
        var failures = new java.util.ArrayList<String>();
        for (var document : documents) {
            graphql.ParseAndValidate.parseAndValidate(
                            schema,
                            graphql.ExecutionInput.newExecutionInput(document.body())
                                    .build())
                    .getErrors()
                    .forEach(e -> failures.add(document.label() + ": " + e.getMessage()));
        }
        return failures;
    }

    /** What clients send: the app's operations (by file) and every kept release's (by release and name). */
    static List<CompatibilityGate.ClientDocument> clientDocuments() {
        var documents = new java.util.ArrayList<CompatibilityGate.ClientDocument>();
        for (var file : operations()) {
            documents.add(new CompatibilityGate.ClientDocument(
                    OPERATIONS_DIR.relativize(file).toString(), read(file)));
        }
        try {
            for (var release : PersistedQueryManifestTest.releases()) {
                var version = release.getFileName().toString().replace(".json", "");
                for (var operation : ReleasedManifest.read(release)) {
                    documents.add(new CompatibilityGate.ClientDocument(
                            "release " + version + " " + operation.name(), operation.body()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<Path> operations() {
        try (Stream<Path> files = Files.walk(OPERATIONS_DIR)) {
            return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Contract() {}
}
