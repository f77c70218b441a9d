package org.dutygraph.contracts;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.diff.DiffEvent;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An input field whose type was renamed and nothing else: the same wrapping, the same fields (names, types, defaults)
 * or enum values, the old name gone. What a client sends for it is the same JSON; only a document that writes the old
 * name (as a variable's type) stops validating.
 */
record InputTypeRename(String oldName, String newName) {

    /** The rename behind a changed input field type, or null when the change is more than a rename. */
    static InputTypeRename of(GraphQLSchema before, GraphQLSchema after, DiffEvent event) {
        if (event.getFieldName() == null
                || !(before.getType(event.getTypeName()) instanceof GraphQLInputObjectType oldParent)
                || !(after.getType(event.getTypeName()) instanceof GraphQLInputObjectType newParent)) {
            return null;
        }
        var oldField = oldParent.getField(event.getFieldName());
        var newField = newParent.getField(event.getFieldName());
        if (oldField == null || newField == null) {
            return null;
        }
        var oldType = named(oldField.getType());
        var newType = named(newField.getType());
        if (oldType.getName().equals(newType.getName())
                || after.getType(oldType.getName()) != null
                || !wrapping(oldField.getType()).equals(wrapping(newField.getType()))
                || !sameShape(oldType, newType, new HashSet<>())) {
            return null;
        }
        return new InputTypeRename(oldType.getName(), newType.getName());
    }

    @Override
    public String toString() {
        return "input type " + oldName + " renamed " + newName + " with the same shape";
    }

    private static boolean sameShape(GraphQLNamedType old, GraphQLNamedType now, Set<String> compared) {
        if (!compared.add(old.getName() + ">" + now.getName())) {
            return true;
        }
        if (old instanceof GraphQLEnumType oldEnum && now instanceof GraphQLEnumType newEnum) {
            return values(oldEnum).equals(values(newEnum));
        }
        if (old instanceof GraphQLInputObjectType oldInput && now instanceof GraphQLInputObjectType newInput) {
            if (!fieldNames(oldInput).equals(fieldNames(newInput))) {
                return false;
            }
            for (var field : oldInput.getFieldDefinitions()) {
                var other = newInput.getField(field.getName());
                if (!wrapping(field.getType()).equals(wrapping(other.getType()))
                        || !defaultOf(field).equals(defaultOf(other))
                        || !sameNameOrShape(named(field.getType()), named(other.getType()), compared)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean sameNameOrShape(GraphQLNamedType old, GraphQLNamedType now, Set<String> compared) {
        return old.getName().equals(now.getName()) || sameShape(old, now, compared);
    }

    private static GraphQLNamedType named(GraphQLInputType type) {
        return (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
    }

    /** The type with its name left out: {@code [_!]!}. */
    private static String wrapping(GraphQLType type) {
        var printed = GraphQLTypeUtil.simplePrint(type);
        return printed.replace(named((GraphQLInputType) type).getName(), "_");
    }

    private static String defaultOf(GraphQLInputObjectField field) {
        var value = field.getInputFieldDefaultValue().getValue();
        return value instanceof graphql.language.Node<?> node
                ? graphql.language.AstPrinter.printAst(node)
                : String.valueOf(value);
    }

    private static Set<String> values(GraphQLEnumType type) {
        return type.getValues().stream()
                .map(GraphQLEnumValueDefinition::getName)
                .collect(Collectors.toSet());
    }

    private static Set<String> fieldNames(GraphQLInputObjectType type) {
        return type.getFieldDefinitions().stream()
                .map(GraphQLInputObjectField::getName)
                .collect(Collectors.toSet());
    }
}
