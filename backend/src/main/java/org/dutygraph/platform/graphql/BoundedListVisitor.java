package org.dutygraph.platform.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nested lists that can grow without bound (a post's memberships, a complaint's messages) take {@code first}: at most
 * {@link #MAX} items, {@link #DEFAULT} when omitted, the first ones in the field's order. A larger or negative value is
 * refused as BAD_USER_INPUT naming the argument. Every plain list field of an object type declaring {@code first}
 * gets this, whatever fetches it.
 */
final class BoundedListVisitor extends GraphQLTypeVisitorStub {

    static final int MAX = Connection.MAX_PAGE;
    static final int DEFAULT = Connection.DEFAULT_PAGE;

    @Override
    public TraversalControl visitGraphQLFieldDefinition(
            GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLObjectType parent)
                || field.getArgument("first") == null
                || !(GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList)) {
            return TraversalControl.CONTINUE;
        }
        var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        var coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
        DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
        registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
            int limit = limit(env.getArgument("first"));
            return bounded(delegate.get(env), limit);
        });
        return TraversalControl.CONTINUE;
    }

    static int limit(Integer first) {
        if (first == null) {
            return DEFAULT;
        }
        if (first < 0 || first > MAX) {
            throw new BadInputException("first", "OUT_OF_RANGE", Text.of(PlatformTexts.PAGE_SIZE, "first", MAX));
        }
        return first;
    }

    /** The first {@code limit} items, however the fetcher answers: a list, a future, a publisher or a result. */
    static Object bounded(Object result, int limit) {
        if (result instanceof List<?> list) {
            return list.size() <= limit ? list : List.copyOf(list.subList(0, limit));
        }
        if (result instanceof Iterable<?> items) {
            var list = new java.util.ArrayList<Object>();
            items.forEach(list::add);
            return bounded(list, limit);
        }
        if (result instanceof CompletionStage<?> stage) {
            return stage.thenApply(value -> bounded(value, limit));
        }
        if (result instanceof DataFetcherResult<?> fetched) {
            return DataFetcherResult.newResult()
                    .data(bounded(fetched.getData(), limit))
                    .errors(fetched.getErrors())
                    .localContext(fetched.getLocalContext())
                    .build();
        }
        if (result instanceof Mono<?> mono) {
            return mono.map(value -> bounded(value, limit));
        }
        if (result instanceof Publisher<?> publisher) {
            return Flux.from(publisher).take(limit);
        }
        return result;
    }
}
