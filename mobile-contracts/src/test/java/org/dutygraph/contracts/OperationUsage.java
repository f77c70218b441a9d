package org.dutygraph.contracts;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one operation document touches in a schema, as schema coordinates: {@code Type.field} for every field it
 * selects, {@code Type.field(arg:)} for every argument it passes; the named types it reads ({@link #read}) and the input types it sends, nested input fields included
 * ({@link #sent}, with {@code Input.field} and {@code Enum.VALUE} for what may be sent); the types it names in its
 * own text ({@link #named}: variable types and type conditions), which a rename would invalidate. Parts the schema does
 * not know are skipped: the document may be older or newer than the schema.
 */
record OperationUsage(Set<String> coordinates, Set<String> read, Set<String> sent, Set<String> named) {

    static OperationUsage of(String body, GraphQLSchema schema) {
        var usage = new OperationUsage(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        Document document = Parser.parse(body);
        var fragments = new HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> {
            fragments.put(f.getName(), f);
            usage.named.add(f.getTypeCondition().getName());
        });
        for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                usage.named.add(typeName(variable.getType()));
                usage.send(schema.getType(typeName(variable.getType())));
            }
            var root = switch (operation.getOperation()) {
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
                default -> schema.getQueryType();
            };
            usage.walk(root, operation.getSelectionSet(), schema, fragments, new TreeSet<>());
        }
        return usage;
    }

    /** Whether a schema change at this coordinate (a type, {@code Type.member} or {@code Type.field(arg:)}) reaches it. */
    boolean uses(String coordinate) {
        return coordinates.contains(coordinate) || read.contains(coordinate) || sent.contains(coordinate);
    }

    private void walk(
            GraphQLType parent,
            SelectionSet selections,
            GraphQLSchema schema,
            Map<String, FragmentDefinition> fragments,
            Set<String> visitedFragments) {
        if (!(parent instanceof GraphQLFieldsContainer container) || selections == null) {
            return;
        }
        for (var selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                var definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue;
                }
                coordinates.add(container.getName() + "." + field.getName());
                for (Argument argument : field.getArguments()) {
                    coordinates.add(container.getName() + "." + field.getName() + "(" + argument.getName() + ":)");
                    var declared = definition.getArgument(argument.getName());
                    if (declared != null) {
                        send(declared.getType());
                    }
                }
                var type = GraphQLTypeUtil.unwrapAll(definition.getType());
                read.add(type.getName());
                walk(type, field.getSelectionSet(), schema, fragments, visitedFragments);
            } else if (selection instanceof InlineFragment inline) {
                if (inline.getTypeCondition() != null) {
                    named.add(inline.getTypeCondition().getName());
                }
                var on = inline.getTypeCondition() == null
                        ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                walk(on, inline.getSelectionSet(), schema, fragments, visitedFragments);
            } else if (selection instanceof FragmentSpread spread && visitedFragments.add(spread.getName())) {
                var fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    walk(
                            schema.getType(fragment.getTypeCondition().getName()),
                            fragment.getSelectionSet(),
                            schema,
                            fragments,
                            visitedFragments);
                }
            }
        }
    }

    /** An input type the operation sends: every field of it may be sent, every value of its enums too. */
    private void send(GraphQLType type) {
        if (type == null) {
            return;
        }
        var named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (!sent.add(named.getName())) {
            return;
        }
        if (named instanceof GraphQLInputObjectType input) {
            for (var field : input.getFieldDefinitions()) {
                sent.add(input.getName() + "." + field.getName());
                send(field.getType());
            }
        } else if (named instanceof GraphQLEnumType enumType) {
            enumType.getValues().forEach(v -> sent.add(enumType.getName() + "." + v.getName()));
        }
    }

    private static String typeName(graphql.language.Type<?> type) {
        return graphql.schema.idl.TypeInfo.typeInfo(type).getName();
    }
}
