package org.dutygraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 18: the schema's NotificationEvent is what an app switches on, so it names exactly the kinds the backend
 * sends. A request can only carry a {@link NotificationEvent}; this ties that enum to the schema's, both ways, and
 * checks that each kind is sent from somewhere (no value left in the schema after its sender went).
 */
class NotificationEventsTest {

    @Test
    void theSchemasEventsAreTheKindsTheBackendSends() throws Exception {
        var registry = new TypeDefinitionRegistry();
        for (var file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
        }
        var schema = (GraphQLEnumType)
                UnExecutableSchemaGenerator.makeUnExecutableSchema(registry).getType("NotificationEvent");
        var inSchema = schema.getValues().stream()
                .map(GraphQLEnumValueDefinition::getName)
                .toList();
        var sent = Arrays.stream(NotificationEvent.values()).map(Enum::name).toList();

        assertThat(inSchema).as("NotificationEvent in the schema").containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void everyKindIsSentFromSomewhere() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dutygraph");
        var events = classes.get(NotificationEvent.class);
        var unsent = Arrays.stream(NotificationEvent.values())
                .map(Enum::name)
                .filter(name -> events.getField(name).getAccessesToSelf().stream()
                        .noneMatch(access -> !access.getOriginOwner().equals(events)))
                .toList();
        assertThat(unsent).as("kinds no class sends").isEmpty();
    }
}
