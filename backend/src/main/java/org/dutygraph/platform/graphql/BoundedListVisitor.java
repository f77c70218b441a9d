package org.dutygraph.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nested lists that can grow without bound (a post's memberships, a complaint's messages) take {@code first}: at most
 * {@link #MAX} items, the first ones in the field's order. A larger or negative value is refused as BAD_USER_INPUT
 * naming the argument. Without {@code first} the list comes whole up to {@link #MAX} items; a longer one comes cut
 * at {@link #MAX} with a TRUNCATED error at its path, never cut silently (clients written before the bound, and
 * released app versions, do not pass {@code first}). Every plain list field of an object type declaring
 * {@code first} gets this, whatever fetches it.
 */
final class BoundedListVisitor extends GraphQLTypeVisitorStub {

    static final int MAX = Connection.MAX_PAGE;

    private final Messages messages;

    BoundedListVisitor(Messages messages) {
        this.messages = messages;
    }

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
            Integer first = env.getArgument("first");
            if (first != null) {
                return bounded(delegate.get(env), limit(first), null);
            }
            return bounded(delegate.get(env), MAX, () -> truncated(env));
        });
        return TraversalControl.CONTINUE;
    }

    static int limit(Integer first) {
        if (first < 0 || first > MAX) {
            throw new BadInputException("first", "OUT_OF_RANGE", Text.of(PlatformTexts.PAGE_SIZE, "first", MAX));
        }
        return first;
    }

    private GraphQLError truncated(DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(messages.render(Text.of(PlatformTexts.LIST_TRUNCATED, MAX), env.getLocale()))
                .extensions(Map.of("code", "TRUNCATED", "field", "first", "returned", MAX))
                .build();
    }

    /**
     * The first {@code limit} items, however the fetcher answers: a list, a future, a publisher or a result; with the
     * error {@code whenCut} makes when items were left out, if given.
     */
    static Object bounded(Object result, int limit, Supplier<GraphQLError> whenCut) {
        if (result instanceof List<?> list) {
            if (list.size() <= limit) {
                return list;
            }
            var kept = List.copyOf(list.subList(0, limit));
            return whenCut == null
                    ? kept
                    : DataFetcherResult.newResult()
                            .data(kept)
                            .error(whenCut.get())
                            .build();
        }
        if (result instanceof Iterable<?> items) {
            var list = new ArrayList<Object>();
            items.forEach(list::add);
            return bounded(list, limit, whenCut);
        }
        if (result instanceof CompletionStage<?> stage) {
            return stage.thenApply(value -> bounded(value, limit, whenCut));
        }
        if (result instanceof DataFetcherResult<?> fetched) {
            var inner = bounded(fetched.getData(), limit, whenCut);
            var errors = new ArrayList<GraphQLError>(fetched.getErrors());
            if (inner instanceof DataFetcherResult<?> cut) {
                errors.addAll(cut.getErrors());
                inner = cut.getData();
            }
            return DataFetcherResult.newResult()
                    .data(inner)
                    .errors(errors)
                    .localContext(fetched.getLocalContext())
                    .build();
        }
        if (result instanceof Mono<?> mono) {
            return mono.map(value -> bounded(value, limit, whenCut));
        }
        if (result instanceof Publisher<?> publisher) {
            return Flux.from(publisher).take(limit + 1L).collectList().map(list -> bounded(list, limit, whenCut));
        }
        return result;
    }
}
