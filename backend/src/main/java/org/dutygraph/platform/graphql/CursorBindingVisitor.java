package org.dutygraph.platform.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Mono;

/**
 * Binds every cursor a client sees to the list it came from: the field (e.g. {@code Query.accountabilityCases}) and
 * the arguments that select and order it, all but {@code first} and {@code after}. Resolvers page with inner cursors
 * ({@link Connection#encode}); the {@code cursor}, {@code startCursor} and {@code endCursor} a client reads are
 * sealed again with the binding of the nearest field above that takes {@code after}, and an {@code after} is opened,
 * checked against its own field's binding and handed to the resolver as the inner cursor. A nested list's binding
 * includes the object it hangs off (its id; without one, the fields and arguments above), so a cursor of one unit's
 * posts does not page another unit's. A cursor of another list, of the same list asked with other arguments or of
 * another parent's list is refused as INVALID_CURSOR on {@code after}.
 */
final class CursorBindingVisitor extends GraphQLTypeVisitorStub {

    private static final Set<String> CURSOR_FIELDS = Set.of("cursor", "startCursor", "endCursor");

    @Override
    public TraversalControl visitGraphQLFieldDefinition(
            GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLObjectType parent)) {
            return TraversalControl.CONTINUE;
        }
        var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        var coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
        DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
        if (field.getArgument("after") != null) {
            var idField = parent.getFieldDefinition("id");
            DataFetcher<?> id =
                    idField == null || !(GraphQLTypeUtil.unwrapNonNull(idField.getType()) instanceof GraphQLScalarType)
                            ? null
                            : registry.getDataFetcher(FieldCoordinates.coordinates(parent.getName(), "id"), idField);
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
                var binding = CursorBinding.of(env.getExecutionStepInfo(), parentOf(env, id));
                return withBinding(delegate.get(withInnerCursor(env, binding)), binding);
            });
        } else if (CURSOR_FIELDS.contains(field.getName())) {
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> bound(delegate.get(env), env));
        }
        return TraversalControl.CONTINUE;
    }

    /**
     * The parent's id; for a parent without one, what it says it is ({@link CursorParent}) or else the fields and
     * arguments above; null at the root.
     */
    private static String parentOf(DataFetchingEnvironment env, DataFetcher<?> id) throws Exception {
        if (env.getSource() == null || env.getExecutionStepInfo().getParent().getParent() == null) {
            return null; // a root field: its arguments are all that tell its lists apart
        }
        if (id == null && env.getSource() instanceof CursorParent parent) {
            return parent.getClass().getSimpleName() + ":" + parent.cursorParent();
        }
        var value = id == null ? null : id.get(env);
        return value instanceof String || value instanceof Number
                ? value.toString()
                : CursorBinding.ancestors(env.getExecutionStepInfo());
    }

    /** The binding goes to the list's cursors below as their local context (see {@link #bound}). */
    private static Object withBinding(Object result, CursorBinding binding) {
        if (result instanceof CompletionStage<?> later) {
            return later.thenApply(value -> withBinding(value, binding));
        }
        if (result instanceof Mono<?> later) {
            return later.map(value -> withBinding(value, binding));
        }
        if (result instanceof DataFetcherResult<?> fetched) {
            return DataFetcherResult.newResult()
                    .data(fetched.getData())
                    .errors(fetched.getErrors())
                    .extensions(fetched.getExtensions())
                    .localContext(binding)
                    .build();
        }
        return DataFetcherResult.newResult().data(result).localContext(binding).build();
    }

    private static DataFetchingEnvironment withInnerCursor(DataFetchingEnvironment env, CursorBinding binding) {
        String after = env.getArgument("after");
        if (after == null) {
            return env;
        }
        String inner;
        try {
            inner = Connection.encode(CursorBinding.open(after, binding));
        } catch (BadInputException notOurs) {
            inner = Connection.REFUSED;
        }
        var arguments = new HashMap<>(env.getArguments());
        arguments.put("after", inner);
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env)
                .arguments(arguments)
                .build();
    }

    private static Object bound(Object inner, DataFetchingEnvironment env) {
        if (!(inner instanceof String cursor)) {
            return inner;
        }
        // the nearest paged list above set it (withBinding); a nested list's own replaces its parent list's
        if (!(env.getLocalContext() instanceof CursorBinding binding)) {
            throw new IllegalStateException("a cursor outside a paged list at "
                    + env.getExecutionStepInfo().getPath());
        }
        return CursorBinding.seal(Connection.decode(cursor), binding);
    }
}
