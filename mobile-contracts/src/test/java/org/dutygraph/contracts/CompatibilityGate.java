package org.dutygraph.contracts;

import graphql.language.TypeKind;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The compatibility gate between a published schema and the current one, in terms of the documents clients send: the
 * app's operations and every kept release's. A break fails the gate and names every document it reaches; a removal
 * is allowed only for what the published schema had already marked {@code @deprecated} and no document uses any
 * more (deprecate first, remove after the last release using it is dropped). Dangerous changes (a new value in an
 * enum the app reads, a new union member, a changed default) are warnings naming the documents affected, and so is
 * renaming an input type nested in another that keeps its shape: only a document naming the old type (a variable's
 * type) would break, and then it is a break.
 */
final class CompatibilityGate {

    /** A document a client sends: {@code label} says whose (an operation file, or a release and operation name). */
    record ClientDocument(String label, String body) {}

    record Report(List<String> breaks, List<String> warnings) {}

    private final GraphQLSchema before;
    private final GraphQLSchema after;
    private final Map<String, OperationUsage> usages = new LinkedHashMap<>();
    private final List<String> breaks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private CompatibilityGate(GraphQLSchema before, GraphQLSchema after, List<ClientDocument> documents) {
        this.before = before;
        this.after = after;
        documents.forEach(d -> usages.put(d.label(), OperationUsage.of(d.body(), before)));
    }

    static Report compare(GraphQLSchema before, GraphQLSchema after, List<ClientDocument> documents) {
        var gate = new CompatibilityGate(before, after, documents);
        var reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromIntrospection(before, after), reporter);
        reporter.getBreakages().forEach(gate::breakage);
        reporter.getDangers().forEach(gate::danger);
        gate.removedArguments();
        gate.changedInputDefaults();
        return new Report(List.copyOf(gate.breaks), List.copyOf(gate.warnings));
    }

    private void breakage(DiffEvent event) {
        if (event.getReasonMsg().startsWith("The new API has less arguments")) {
            return; // graphql-java stops at the count; removedArguments() names each one
        }
        var coordinate = coordinate(event);
        var users = usedBy(coordinate);
        var rename = InputTypeRename.of(before, after, event);
        if (rename != null
                && documents(u -> u.named().contains(rename.oldName())).isEmpty()) {
            warnings.add(coordinate + ": " + rename + "; no client document names " + rename.oldName()
                    + ", so each still validates and sends the same JSON (generated clients get the new name when "
                    + "regenerated); sent by " + names(users));
            return;
        }
        var removal =
                event.getCategory() == DiffCategory.MISSING || event.getCategory() == DiffCategory.DEPRECATION_REMOVED;
        if (removal && coordinate.contains(".")) {
            if (!deprecatedBefore(coordinate)) {
                breaks.add(coordinate + " removed without a prior @deprecated(reason:) in the published schema; "
                        + usedByText(users));
            } else if (!users.isEmpty()) {
                breaks.add(coordinate + " removed while still used (it is deprecated: remove it once no kept "
                        + "release uses it); " + usedByText(users));
            }
            return;
        }
        breaks.add(coordinate + ": " + event.getReasonMsg() + "; " + usedByText(users));
    }

    private void danger(DiffEvent event) {
        var coordinate = coordinate(event);
        if (event.getTypeKind() == TypeKind.Enum && event.getCategory() == DiffCategory.ADDITION) {
            if (isOutputEnum(event.getTypeName())) {
                warnings.add(coordinate + ": new value in an output enum; clients reading it must handle unknown "
                        + "values; read by " + names(documents(u -> u.read().contains(event.getTypeName()))));
            }
            return;
        }
        if (event.getCategory() == DiffCategory.DEPRECATION_ADDED) {
            warnings.add(coordinate + ": deprecated since the published schema; " + usedByText(usedBy(coordinate)));
            return;
        }
        if (event.getTypeKind() == TypeKind.Union) {
            warnings.add(coordinate + ": new member of a union; read by "
                    + names(documents(u -> u.read().contains(event.getTypeName()))));
            return;
        }
        if (event.getCategory() == DiffCategory.DIFFERENT
                && !event.getComponents().isEmpty()) {
            var field = event.getTypeName() + "." + event.getFieldName();
            var argument = field + "(" + event.getComponents().get(0) + ":)";
            // a variable left out or null falls back on the default too, so every operation on the field counts
            warnings.add(argument + ": default value changed; operations using " + field + ": "
                    + names(documents(u -> u.uses(field))));
            return;
        }
        warnings.add(coordinate + ": " + event.getReasonMsg() + "; " + usedByText(usedBy(coordinate)));
    }

    /** graphql-java reports only that a field has fewer arguments; this names each removed one. */
    private void removedArguments() {
        for (var type : before.getAllTypesAsList()) {
            if (!(type instanceof GraphQLFieldsContainer old) || type.getName().startsWith("__")) {
                continue;
            }
            if (!(after.getType(type.getName()) instanceof GraphQLFieldsContainer now)) {
                continue;
            }
            for (var field : old.getFieldDefinitions()) {
                var current = now.getFieldDefinition(field.getName());
                if (current == null) {
                    continue;
                }
                for (var argument : field.getArguments()) {
                    if (current.getArgument(argument.getName()) == null) {
                        var coordinate = type.getName() + "." + field.getName() + "(" + argument.getName() + ":)";
                        var users = usedBy(coordinate);
                        if (!argument.isDeprecated()) {
                            breaks.add(coordinate + " removed without a prior @deprecated(reason:) in the published "
                                    + "schema; " + usedByText(users));
                        } else if (!users.isEmpty()) {
                            breaks.add(coordinate + " removed while still used (it is deprecated: remove it once no "
                                    + "kept release uses it); " + usedByText(users));
                        }
                    }
                }
            }
        }
    }

    /** graphql-java compares argument defaults only; a changed input-field default is as dangerous. */
    private void changedInputDefaults() {
        for (var type : before.getAllTypesAsList()) {
            if (!(type instanceof GraphQLInputObjectType old)
                    || !(after.getType(type.getName()) instanceof GraphQLInputObjectType now)) {
                continue;
            }
            for (var field : old.getFieldDefinitions()) {
                var current = now.getFieldDefinition(field.getName());
                if (current != null
                        && !printed(field.getInputFieldDefaultValue())
                                .equals(printed(current.getInputFieldDefaultValue()))) {
                    var coordinate = old.getName() + "." + field.getName();
                    warnings.add(coordinate + ": default value changed; operations sending " + old.getName() + ": "
                            + names(documents(u -> u.sent().contains(old.getName()))));
                }
            }
        }
    }

    private static String printed(graphql.schema.InputValueWithState value) {
        return value.getValue() instanceof graphql.language.Node<?> node
                ? graphql.language.AstPrinter.printAst(node)
                : String.valueOf(value.getValue());
    }

    /** {@code Type}, {@code Type.field}, {@code Type.field(arg:)}, {@code Input.field} or {@code Enum.VALUE}. */
    private static String coordinate(DiffEvent event) {
        var kind = event.getTypeKind();
        var components = event.getComponents();
        if (kind == TypeKind.Enum && !components.isEmpty()) {
            return event.getTypeName() + "." + components.get(0);
        }
        if (event.getFieldName() == null) {
            return event.getTypeName();
        }
        var field = event.getTypeName() + "." + event.getFieldName();
        boolean namesAnArgument = components.size() == 1 && (kind == TypeKind.Object || kind == TypeKind.Interface);
        return namesAnArgument ? field + "(" + components.get(0) + ":)" : field;
    }

    private boolean deprecatedBefore(String coordinate) {
        var dot = coordinate.indexOf('.');
        var type = before.getType(coordinate.substring(0, dot));
        var member = coordinate.substring(dot + 1);
        var paren = member.indexOf('(');
        if (paren > 0 && type instanceof GraphQLFieldsContainer container) {
            var field = container.getFieldDefinition(member.substring(0, paren));
            var argument = field == null ? null : field.getArgument(member.substring(paren + 1, member.length() - 2));
            return argument != null && argument.isDeprecated();
        }
        if (type instanceof GraphQLFieldsContainer container) {
            var field = container.getFieldDefinition(member);
            return field != null && field.isDeprecated();
        }
        if (type instanceof GraphQLInputObjectType input) {
            var field = input.getFieldDefinition(member);
            return field != null && field.isDeprecated();
        }
        if (type instanceof GraphQLEnumType enumType) {
            var value = enumType.getValue(member);
            return value != null && value.isDeprecated();
        }
        return false;
    }

    private boolean isOutputEnum(String name) {
        for (var type : after.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container
                    && !type.getName().startsWith("__")) {
                for (var field : container.getFieldDefinitions()) {
                    if (((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType()))
                            .getName()
                            .equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The documents a change at this coordinate reaches; an enum value reaches those reading the enum too. */
    private List<String> usedBy(String coordinate) {
        var dot = coordinate.indexOf('.');
        if (dot > 0 && before.getType(coordinate.substring(0, dot)) instanceof GraphQLEnumType enumType) {
            return documents(u -> u.uses(coordinate) || u.read().contains(enumType.getName()));
        }
        return documents(u -> u.uses(coordinate));
    }

    private List<String> documents(Predicate<OperationUsage> uses) {
        return usages.entrySet().stream()
                .filter(e -> uses.test(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String usedByText(List<String> users) {
        return users.isEmpty() ? "no client document uses it" : "used by " + String.join(", ", users);
    }

    private static String names(List<String> documents) {
        return documents.isEmpty() ? "no client document" : String.join(", ", documents);
    }
}
