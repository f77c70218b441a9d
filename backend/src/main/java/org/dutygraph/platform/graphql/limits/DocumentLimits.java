package org.dutygraph.platform.graphql.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.dutygraph.platform.graphql.AuthDirectiveVisitor;

/**
 * Refuses, before any resolver runs, an operation deeper, costlier or with more aliases or directives than
 * {@link GraphQlLimits} allow, with {@code QUERY_TOO_COMPLEX} and the limit it broke. Runs on the request's
 * thread, where the caller's security context is (as for the root fields' {@code @auth} checks).
 */
public final class DocumentLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;

    public DocumentLimits(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        var context = parameters.getExecutionContext();
        var measure = new DocumentMeasure(context.getGraphQLSchema(), context.getFragmentsByName(),
                context.getCoercedVariables().toMap(), limits.defaultListSize()).of(context.getOperationDefinition());
        var errors = new ArrayList<GraphQLError>();
        check(errors, "depth", measure.depth(), limits.maxDepth());
        check(errors, "aliases", measure.aliases(), limits.maxAliases());
        check(errors, "directives", measure.directives(), limits.maxDirectives());
        check(errors, "cost", measure.cost(), AuthDirectiveVisitor.signedIn() ? limits.maxCostSignedIn() : limits.maxCost());
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static void check(List<GraphQLError> errors, String what, double value, int limit) {
        if (value > limit) {
            var shown = value >= 1e15 ? "more than 10^15" : String.valueOf((long) Math.ceil(value));
            errors.add(GraphqlErrorBuilder.newError().errorType(ErrorType.ExecutionAborted)
                    .message("The operation's " + what + " is " + shown + "; at most " + limit + " is allowed")
                    .extensions(Map.of("code", "QUERY_TOO_COMPLEX", "limit", what, "maximum", limit)).build());
        }
    }
}
