package org.dutygraph.platform.i18n;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Lets every String field of the schema (or list of strings) be filled with a {@link Text}: its data fetcher is
 * wrapped so that a Text it returns is rendered in the language of the request (the execution's locale, from
 * Accept-Language). Views and payloads then carry texts, not words, and stay free of requests and locales. Light
 * fetchers (record components, map entries) stay light: the environment is made only when a Text is rendered.
 */
final class TextFields extends GraphQLTypeVisitorStub {

    private final Messages messages;

    TextFields(Messages messages) {
        this.messages = messages;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(
            GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLObjectType parent)
                || parent.getName().startsWith("__")
                || !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType scalar)
                || !scalar.getName().equals("String")) {
            return TraversalControl.CONTINUE;
        }
        var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        var coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
        var delegate = registry.getDataFetcher(coordinates, field);
        registry.dataFetcher(
                coordinates,
                delegate instanceof LightDataFetcher<?> light ? new Light(light) : new Rendering(delegate));
        return TraversalControl.CONTINUE;
    }

    private Object rendered(Object value, Supplier<DataFetchingEnvironment> env) {
        if (value instanceof Text text) {
            return messages.render(text, locale(env));
        }
        if (value instanceof Collection<?> list && list.stream().anyMatch(Text.class::isInstance)) {
            var locale = locale(env);
            return list.stream()
                    .map(v -> v instanceof Text text ? messages.render(text, locale) : v)
                    .toList();
        }
        if (value instanceof CompletionStage<?> later) {
            return later.thenApply(v -> rendered(v, env));
        }
        if (value instanceof DataFetcherResult<?> result) {
            return result.map(data -> rendered(data, env));
        }
        return value;
    }

    private static Locale locale(Supplier<DataFetchingEnvironment> env) {
        return env.get().getLocale();
    }

    private final class Rendering implements DataFetcher<Object> {

        private final DataFetcher<?> delegate;

        Rendering(DataFetcher<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            return rendered(delegate.get(env), () -> env);
        }
    }

    private final class Light implements LightDataFetcher<Object> {

        private final LightDataFetcher<?> delegate;

        Light(LightDataFetcher<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
                throws Exception {
            return rendered(delegate.get(field, source, env), env);
        }

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            return rendered(delegate.get(env), () -> env);
        }
    }
}
