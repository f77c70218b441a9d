package org.dutygraph.platform.graphql.limits;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.platform.graphql.Connection;

/**
 * What an operation costs as it would execute: every fragment expanded where it is spread, every field weighed
 * by the list sizes above it ({@code first}/{@code last} as sent or defaulted; left out, what the server then
 * returns at most: 500 items of a nested list, a page of 50; a default size only for plain lists without a bound),
 * its depth, and its aliases and directives as often as they would be applied. A fragment is measured once and
 * reused, so a document that would expand exponentially is measured in linear time (its cost saturates).
 * Introspection ({@code __schema}, {@code __type}) is not weighed: it is off in prod.
 */
public final class DocumentMeasure {

    /** The measure of an operation; {@code cost} saturates at {@link Double#MAX_VALUE}. */
    public record Measure(int depth, long aliases, long directives, double cost) {

        static final Measure EMPTY = new Measure(0, 0, 0, 0);

        Measure plus(Measure other, double multiplier, int depthOffset) {
            return new Measure(
                    Math.max(depth, other.depth == 0 ? 0 : other.depth + depthOffset),
                    aliases + other.aliases,
                    directives + other.directives,
                    cost + other.cost * multiplier);
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final int defaultListSize;
    private final Map<String, Measure> measuredFragments = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    public DocumentMeasure(
            GraphQLSchema schema,
            Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables,
            int defaultListSize) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables == null ? Map.of() : variables;
        this.defaultListSize = defaultListSize;
    }

    public Measure of(OperationDefinition operation) {
        var root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return selections(operation.getSelectionSet(), root)
                .plus(new Measure(0, 0, operation.getDirectives().size(), 0), 1, 0);
    }

    /** The measure of a selection set on {@code parent}, relative to it: its fields are at depth 1. */
    private Measure selections(SelectionSet set, GraphQLType parent) {
        var total = Measure.EMPTY;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            total = total.plus(selection(selection, parent), 1, 0);
        }
        return total;
    }

    private Measure selection(Selection<?> selection, GraphQLType parent) {
        if (selection instanceof Field field) {
            return field(field, parent);
        }
        if (selection instanceof InlineFragment inline) {
            var type = inline.getTypeCondition() == null
                    ? parent
                    : schema.getType(inline.getTypeCondition().getName());
            return new Measure(0, 0, inline.getDirectives().size(), 0)
                    .plus(selections(inline.getSelectionSet(), type), 1, 0);
        }
        var spread = (FragmentSpread) selection;
        return new Measure(0, 0, spread.getDirectives().size(), 0).plus(fragment(spread.getName()), 1, 0);
    }

    private Measure fragment(String name) {
        var known = measuredFragments.get(name);
        if (known != null) {
            return known;
        }
        var definition = fragments.get(name);
        if (definition == null || !measuring.add(name)) {
            return Measure.EMPTY; // unknown or cyclic: validation refuses both before execution
        }
        var type = schema.getType(definition.getTypeCondition().getName());
        var measured = new Measure(0, 0, definition.getDirectives().size(), 0)
                .plus(selections(definition.getSelectionSet(), type), 1, 0);
        measuring.remove(name);
        measuredFragments.put(name, measured);
        return measured;
    }

    private Measure field(Field field, GraphQLType parent) {
        var name = field.getName();
        if (name.startsWith("__")) {
            return Measure.EMPTY;
        }
        var own = new Measure(
                1, field.getAlias() == null ? 0 : 1, field.getDirectives().size(), 1);
        var definition = parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
        if (definition == null || field.getSelectionSet() == null) {
            return own;
        }
        var children = selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
        return own.plus(children, size(field, definition, parent), 1);
    }

    /** How many times the field's selections run per parent: a page size, a list's default size, or once. */
    private double size(Field field, GraphQLFieldDefinition definition, GraphQLType parent) {
        for (var argument : List.of("first", "last")) {
            var value = argument(field, definition, argument);
            if (value != null) {
                // larger pages are refused by the field itself, naming the argument
                return Math.max(1, Math.min(value, Connection.MAX_PAGE));
            }
        }
        if (!isList(definition.getType())) {
            return 1;
        }
        // a connection's edges and nodes are already weighed by its page size
        var inConnection = parent instanceof GraphQLFieldsContainer container
                && container.getName().endsWith("Connection");
        return inConnection ? 1 : defaultListSize;
    }

    private Double argument(Field field, GraphQLFieldDefinition definition, String name) {
        var declared = definition.getArgument(name);
        if (declared == null) {
            return null;
        }
        Object value = null;
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                if (argument.getValue() instanceof IntValue literal) {
                    value = literal.getValue().doubleValue();
                } else if (argument.getValue() instanceof VariableReference reference) {
                    value = variables.get(reference.getName());
                }
            }
        }
        if (value == null
                && declared.hasSetDefaultValue()
                && declared.getArgumentDefaultValue().getValue() instanceof IntValue d) {
            value = d.getValue().doubleValue();
        }
        if (value == null
                && declared.hasSetDefaultValue()
                && declared.getArgumentDefaultValue().getValue() instanceof Number n) {
            value = n.doubleValue();
        }
        return value instanceof Number number ? number.doubleValue() : value == null ? omitted(definition) : null;
    }

    /**
     * What the server returns when {@code first} is left out and declares no default: a nested list comes whole up to
     * {@link Connection#MAX_PAGE} (BoundedListVisitor), a connection a page of {@link Connection#DEFAULT_PAGE}.
     */
    private static double omitted(GraphQLFieldDefinition definition) {
        return isList(definition.getType()) ? Connection.MAX_PAGE : Connection.DEFAULT_PAGE;
    }

    private static boolean isList(GraphQLOutputType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
    }
}
