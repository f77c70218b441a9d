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
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl(directory));
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
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
