package org.dutygraph.platform.graphql.limits;

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
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dutygraph.platform.graphql.AuthDirectiveVisitor;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Refuses, before any resolver runs, an operation deeper, costlier or with more aliases or directives than
 * {@link GraphQlLimits} allow, with {@code QUERY_TOO_COMPLEX} and the limit it broke. Cost counts a list as what the
 * server returns at most, so the app's own documents ({@link TrustedDocuments}: the current and released manifests)
 * are not held to it: read whole, their nested lists may reach 500 items each, and a released app cannot change what
 * it sends. They keep the other limits; the cost limit is for documents callers write themselves. Runs on the request's
 * thread, where the caller's security context is (as for the root fields' {@code @auth} checks).
 */
public final class DocumentLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final Messages messages;
    private final TrustedDocuments trusted;

    public DocumentLimits(GraphQlLimits limits, Messages messages, TrustedDocuments trusted) {
        this.limits = limits;
        this.messages = messages;
        this.trusted = trusted;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        var measuring = new DocumentMeasure(
                context.getGraphQLSchema(),
                context.getFragmentsByName(),
                context.getCoercedVariables().toMap(),
                limits.defaultListSize());
        var operation = context.getOperationDefinition();
        var measure = measuring.of(operation);
        var errors = new ArrayList<GraphQLError>();
        var locale = context.getLocale();
        check(errors, "depth", measure.depth(), limits.maxDepth(), locale);
        check(errors, "aliases", measure.aliases(), limits.maxAliases(), locale);
        check(errors, "directives", measure.directives(), limits.maxDirectives(), locale);
        if (!appsOwn(context.getExecutionInput())) {
            check(
                    errors,
                    "cost",
                    measuring
                            .of(callable(operation, context.getGraphQLSchema()))
                            .cost(),
                    AuthDirectiveVisitor.signedIn() ? limits.maxCostSignedIn() : limits.maxCost(),
                    locale);
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * The operation without the root fields the caller may not call. Those are refused (UNAUTHENTICATED or FORBIDDEN,
     * each at its path, the others answered) before they do any work, so they cost nothing: counted, an anonymous
     * caller's costly document on a signed-in field was QUERY_TOO_COMPLEX where the answer is "sign in", and a
     * document mixing such a field with public ones lost the public answers too. Neither order tells a caller
     * anything the published schema (its @auth roles, its list bounds) does not. Fragments spread at the root stay
     * counted whole.
     */
    private static OperationDefinition callable(OperationDefinition operation, GraphQLSchema schema) {
        var root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        var kept = operation.getSelectionSet().getSelections().stream()
                .filter(selection -> !(selection instanceof Field field)
                        || root == null
                        || root.getFieldDefinition(field.getName()) == null
                        || AuthDirectiveVisitor.mayCall(root.getFieldDefinition(field.getName())))
                .toList();
        return operation.transform(
                b -> b.selectionSet(SelectionSet.newSelectionSet(kept).build()));
    }

    /** A document of the manifests, sent as text or (Apollo's persisted queries) as its hash only. */
    private boolean appsOwn(graphql.ExecutionInput input) {
        if (input.getExtensions() != null
                && input.getExtensions().get("persistedQuery") instanceof java.util.Map<?, ?> persisted
                && trusted.known(String.valueOf(persisted.get("sha256Hash")))) {
            return true;
        }
        return trusted.trusted(input.getQuery());
    }

    private void check(List<GraphQLError> errors, String what, double value, int limit, Locale locale) {
        if (value > limit) {
            Object shown = value >= 1e15 ? Text.of(PlatformTexts.MORE_THAN, "10^15") : (long) Math.ceil(value);
            var measured = Text.of(
                    switch (what) {
                        case "depth" -> PlatformTexts.LIMIT_DEPTH;
                        case "aliases" -> PlatformTexts.LIMIT_ALIASES;
                        case "directives" -> PlatformTexts.LIMIT_DIRECTIVES;
                        default -> PlatformTexts.LIMIT_COST;
                    });
            errors.add(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.ExecutionAborted)
                    .message(messages.render(Text.of(PlatformTexts.LIMIT_EXCEEDED, measured, shown, limit), locale))
                    .extensions(Map.of("code", "QUERY_TOO_COMPLEX", "limit", what, "maximum", limit))
                    .build());
        }
    }
}
