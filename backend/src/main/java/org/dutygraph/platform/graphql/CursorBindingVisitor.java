package org.dutygraph.platform.graphql;

import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.HashMap;
import java.util.Set;

/**
 * Binds every cursor a client sees to the list it came from: the field (e.g. {@code Query.accountabilityCases}) and
 * the arguments that select and order it, all but {@code first} and {@code after}. Resolvers page with inner cursors
 * ({@link Connection#encode}); the {@code cursor}, {@code startCursor} and {@code endCursor} a client reads are
 * sealed again with the binding of the nearest field above that takes {@code after}, and an {@code after} is opened,
 * checked against its own field's binding and handed to the resolver as the inner cursor. A cursor of another list,
 * or of the same list asked with other arguments, is refused as INVALID_CURSOR on {@code after}.
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
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> delegate.get(withInnerCursor(env)));
        } else if (CURSOR_FIELDS.contains(field.getName())) {
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> bound(delegate.get(env), env));
        }
        return TraversalControl.CONTINUE;
    }

    private static DataFetchingEnvironment withInnerCursor(DataFetchingEnvironment env) {
        String after = env.getArgument("after");
        if (after == null) {
            return env;
        }
        String inner;
        try {
            inner = Connection.encode(CursorBinding.open(after, CursorBinding.of(env.getExecutionStepInfo())));
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
        var list = env.getExecutionStepInfo().getParent();
        while (list != null && !takesAfter(list)) {
            list = list.getParent();
        }
        if (list == null) {
            throw new IllegalStateException("a cursor outside a paged list at "
                    + env.getExecutionStepInfo().getPath());
        }
        return CursorBinding.seal(Connection.decode(cursor), CursorBinding.of(list));
    }

    private static boolean takesAfter(ExecutionStepInfo step) {
        return step.getFieldDefinition() != null && step.getFieldDefinition().getArgument("after") != null;
    }
}
