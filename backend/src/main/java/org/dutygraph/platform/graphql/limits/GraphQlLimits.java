package org.dutygraph.platform.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dutygraph.graphql.limits.*}: what one GraphQL request may ask for. Depth, aliases, directives and tokens
 * are GraphQL Armor's defaults (6, 15, 50, 1,000). Cost is stricter than Armor's (which does not multiply by list
 * sizes), so its limits are higher: 10,000 without a token and 50,000 signed in. A list without 'first' weighs what the
 * server returns at most: 500 for a nested list, 50 for a page. The app's own documents (the persisted-query
 * manifests) are not held to the cost limit, only to the others (a test measures each).
 *
 * @param maxDepth          nested fields, the root field being 1 (introspection not counted)
 * @param maxAliases        aliased fields, counted as often as their fragments are spread
 * @param maxDirectives     directives applied, counted the same way
 * @param maxTokens         lexical tokens of the document (the parser stops at the limit)
 * @param maxCost           fields as executed, each weighed by the page or list sizes above it, without a token
 * @param maxCostSignedIn   the same for signed-in callers
 * @param defaultListSize   the size assumed for a plain list that takes no {@code first} (a short one by nature)
 * @param maxBodyAnonymous  the largest request body accepted from a caller without a token
 * @param maxBodySignedIn   the largest request body accepted from a signed-in caller (bundles are imported this way)
 * @param trustedDocumentsOnlyForAnonymous whether anonymous callers may run only the app's own operations
 * @param appOnlyRoles      roles that use the app only: a caller holding no other role runs only the app's own
 *                          operations too (analysts and admins, holding other roles, may send their own)
 */
@ConfigurationProperties("dutygraph.graphql.limits")
public record GraphQlLimits(
        @DefaultValue("6") int maxDepth,
        @DefaultValue("15") int maxAliases,
        @DefaultValue("50") int maxDirectives,
        @DefaultValue("1000") int maxTokens,
        @DefaultValue("10000") int maxCost,
        @DefaultValue("50000") int maxCostSignedIn,
        @DefaultValue("10") int defaultListSize,
        @DefaultValue("64KB") DataSize maxBodyAnonymous,
        @DefaultValue("32MB") DataSize maxBodySignedIn,
        @DefaultValue("false") boolean trustedDocumentsOnlyForAnonymous,
        java.util.Set<String> appOnlyRoles) {

    public GraphQlLimits {
        appOnlyRoles = appOnlyRoles == null ? java.util.Set.of() : java.util.Set.copyOf(appOnlyRoles);
    }
}
