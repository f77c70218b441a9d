package org.dutygraph.platform.graphql;

import graphql.TypeResolutionEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;

/**
 * Resolves union and interface members by the Java class name without its {@code View} suffix:
 * a {@code UnitView} is a {@code Unit}. Keeps read models free of schema annotations.
 */
class ViewTypeResolver implements TypeResolver {

    @Override
    public GraphQLObjectType getType(TypeResolutionEnvironment env) {
        var name = env.getObject().getClass().getSimpleName();
        if (name.endsWith("View")) {
            name = name.substring(0, name.length() - "View".length());
        }
        return env.getSchema().getObjectType(name);
    }
}
