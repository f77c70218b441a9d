package org.dutygraph.contracts;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applied directives are not in introspection, so the schema diff cannot see them: a root field whose
 * {@code @auth(roles: ...)} lost a role, or that became {@code @auth} from {@code @public}, breaks the operations of
 * the app that audience sends. Lists each such field with the roles removed and the operations using it.
 */
final class AuthNarrowing {

    static List<String> breaks(GraphQLSchema before, GraphQLSchema after, List<Path> operations) {
        var breaks = new ArrayList<String>();
        for (var root : List.of("Query", "Mutation")) {
            var old = (GraphQLObjectType) before.getType(root);
            var now = (GraphQLObjectType) after.getType(root);
            if (old == null || now == null) {
                continue;
            }
            for (var field : old.getFieldDefinitions()) {
                var current = now.getFieldDefinition(field.getName());
                if (current == null) {
                    continue; // a removed field is the schema diff's to report
                }
                var removed = new TreeSet<>(audience(field));
                removed.removeAll(audience(current));
                if (!removed.isEmpty()) {
                    breaks.add(root + "." + field.getName() + " no longer allows " + removed + "; operations using it: "
                            + usedBy(field.getName(), operations));
                }
            }
        }
        return breaks;
    }

    /** The roles that may call a field; {@code @public} counts as every caller, anonymous included. */
    private static Set<String> audience(GraphQLFieldDefinition field) {
        if (field.getAppliedDirective("public") != null) {
            return Set.of("ANONYMOUS", "ADMIN", "ANALYST", "APPRAISER", "INSPECTOR", "UNIT_STAFF");
        }
        var auth = field.getAppliedDirective("auth");
        if (auth == null) {
            return Set.of();
        }
        List<?> roles = auth.getArgument("roles").getValue();
        var names = new LinkedHashSet<String>();
        roles.forEach(r -> names.add(String.valueOf(r)));
        return names;
    }

    private static List<String> usedBy(String rootField, List<Path> operations) {
        var users = new ArrayList<String>();
        for (var file : operations) {
            var document = Parser.parse(Contract.read(file));
            for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                        .anyMatch(f -> f.getName().equals(rootField))) {
                    users.add(Contract.OPERATIONS_DIR.relativize(file).toString());
                }
            }
        }
        return users;
    }

    private AuthNarrowing() {}
}
