package org.dutygraph.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.dutygraph.platform.graphql.limits.DocumentMeasure;
import org.dutygraph.platform.graphql.limits.GraphQlLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every operation the app ships, and every one a released version sends, keeps to the depth, alias and directive
 * limits callers with their own documents get (GraphQL Armor's defaults); cost does not bind them (DocumentLimits).
 */
class AppOperationsFitTheLimitsTest {

    /** The defaults, as the service binds them with nothing configured. */
    private static final GraphQlLimits LIMITS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("dutygraph.graphql.limits", GraphQlLimits.class);

    @Test
    void everyAppOperationFits() throws IOException {
        var schema = schema();
        var resolver = new PathMatchingResourcePatternResolver();
        var operations = resolver.getResources("classpath*:operations/**/*.graphql");
        assertThat(operations).hasSizeGreaterThan(50);
        var documents = new java.util.TreeMap<String, String>();
        for (Resource resource : operations) {
            documents.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        }
        // released app versions keep sending their documents as they were
        for (Resource release : resolver.getResources("classpath*:persisted-queries/releases/*.json")) {
            var manifest =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(release.getInputStream());
            for (var operation : manifest.path("operations")) {
                documents.put(
                        release.getFilename() + " " + operation.path("name").asString(),
                        operation.path("body").asString());
            }
        }
        assertThat(documents.keySet()).anyMatch(name -> name.endsWith(".json AdvanceComplaint"));
        var over = new ArrayList<String>();
        for (var entry : documents.entrySet()) {
            var text = entry.getValue();
            Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(text)
                    .parserOptions(ParserOptions.newParserOptions()
                            .maxTokens(LIMITS.maxTokens())
                            .build())
                    .build());
            var fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                    .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
            for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                var m = new DocumentMeasure(schema, fragments, Map.of(), LIMITS.defaultListSize()).of(operation);
                // cost aside: the app's own documents are not held to it (DocumentLimits)
                if (m.depth() > LIMITS.maxDepth()
                        || m.aliases() > LIMITS.maxAliases()
                        || m.directives() > LIMITS.maxDirectives()) {
                    over.add(entry.getKey() + " " + m);
                }
            }
        }
        assertThat(over).isEmpty();
    }

    /**
     * Why the app's documents may skip the cost limit: they are fixed texts, and what a caller still chooses (the
     * variables) is bounded per list (first at most 500, else BAD_USER_INPUT), so each has a worst case known at
     * build time. This measures it, every Int variable at 500, and keeps it under a ceiling a change must not cross
     * unnoticed.
     */
    @Test
    void everyAppOperationsWorstCaseIsBounded() throws IOException {
        var schema = schema();
        var worst = new java.util.TreeMap<Double, String>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:operations/**/*.graphql")) {
            Document document = Parser.parse(resource.getContentAsString(StandardCharsets.UTF_8));
            var fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                    .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
            for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                var variables = new java.util.HashMap<String, Object>();
                operation.getVariableDefinitions().stream()
                        .filter(v -> graphql.language.AstPrinter.printAst(v.getType())
                                .replace("!", "")
                                .equals("Int"))
                        .forEach(v -> variables.put(v.getName(), 500));
                var cost = new DocumentMeasure(schema, fragments, variables, LIMITS.defaultListSize())
                        .of(operation)
                        .cost();
                worst.put(cost, resource.getFilename());
            }
        }
        System.out.println("worst app operation costs, variables at their maximum: "
                + worst.descendingMap().entrySet().stream().limit(3).toList());
        assertThat(worst.lastKey()).as(worst.lastEntry().getValue()).isLessThan(WORST_CASE_CEILING);
    }

    /** The largest measured (Findings, 2,514,501: 500 findings each with its lists whole) with headroom. */
    private static final double WORST_CASE_CEILING = 3_000_000;

    static GraphQLSchema schema() {
        try {
            var registry = new TypeDefinitionRegistry();
            for (var file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
