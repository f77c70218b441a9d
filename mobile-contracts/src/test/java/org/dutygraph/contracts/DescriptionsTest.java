package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLSchema;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 10: every type and every field a client reads (any document of the app or of a kept release) says
 * what it is, in the schema, where generated clients show it as documentation. Those undescribed when the test came
 * are listed in {@code undescribed.txt}, which may only shrink.
 */
class DescriptionsTest {

    private final GraphQLSchema schema = Contract.schema(Contract.SCHEMA_DIR);

    @Test
    void everyTypeAndFieldAClientReadsHasADescription() {
        var missing = new TreeSet<String>();
        for (var document : Contract.clientDocuments()) {
            var usage = OperationUsage.of(document.body(), schema);
            for (var coordinate : usage.coordinates()) {
                if (coordinate.contains("(")) {
                    continue;
                }
                var dot = coordinate.indexOf('.');
                var type = schema.getType(coordinate.substring(0, dot));
                if (type instanceof GraphQLFieldsContainer container
                        && undescribed(container.getFieldDefinition(coordinate.substring(dot + 1)))) {
                    missing.add(coordinate);
                }
            }
            for (var name : usage.read()) {
                var type = schema.getType(name);
                if (!isBuiltIn(name)
                        && !isRoot(name)
                        && type instanceof GraphQLNamedSchemaElement named
                        && undescribed(named)) {
                    missing.add(name);
                }
            }
        }
        var known = known();
        var added = new TreeSet<>(missing);
        added.removeAll(known);
        assertThat(added)
                .as("types and fields clients read without a description")
                .isEmpty();
        var described = new TreeSet<>(known);
        described.removeAll(missing);
        assertThat(described).as("described now: remove them from " + KNOWN).isEmpty();
    }

    private static final java.nio.file.Path KNOWN = java.nio.file.Path.of("src/test/resources/undescribed.txt");

    /** What was undescribed when this test came: a list that may only shrink. */
    private static java.util.Set<String> known() {
        return Contract.read(KNOWN)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private boolean isRoot(String name) {
        return name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
    }

    private static boolean isBuiltIn(String name) {
        return java.util.Set.of("String", "Int", "Float", "Boolean", "ID").contains(name);
    }

    private static boolean undescribed(GraphQLNamedSchemaElement element) {
        return element != null
                && (element.getDescription() == null || element.getDescription().isBlank());
    }
}
