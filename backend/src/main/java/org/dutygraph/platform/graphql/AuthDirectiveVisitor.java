package org.dutygraph.platform.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Enforces the contract's {@code @auth(roles: [...])} and {@code @public} on every Query, Mutation and
 * Subscription field. A root field carrying neither is refused to everyone: access fails closed.
 */
public class AuthDirectiveVisitor extends GraphQLTypeVisitorStub {

    /** GraphQL context key of the caller's network address, for anonymous rate limits only. */
    public static final String CLIENT_ADDRESS = "dutygraph.clientAddress";

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    private final AnonymousRateLimiter limiter;

    public AuthDirectiveVisitor(AnonymousRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(
            GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        var parent = (GraphQLFieldsContainer) context.getParentNode();
        if (!(parent instanceof GraphQLObjectType) || !ROOTS.contains(parent.getName())) {
            return TraversalControl.CONTINUE;
        }
        var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        var coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
        DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
        var isPublic = field.getAppliedDirective("public") != null;
        var roles = roles(field.getAppliedDirective("auth"));
        registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
            if (!isPublic) {
                check(field.getName(), roles);
            } else if (!signedIn()) {
                // Counted per root field, so one request with many aliases costs as many.
                limiter.consume(
                        AnonymousRateLimiter.Kind.FIELD, env.getGraphQlContext().get(CLIENT_ADDRESS));
            }
            return delegate.get(env);
        });
        return TraversalControl.CONTINUE;
    }

    private static Set<String> roles(GraphQLAppliedDirective auth) {
        if (auth == null) {
            return Set.of();
        }
        List<?> values = auth.getArgument("roles").getValue();
        return values.stream().map(v -> "ROLE_" + v).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the request's caller signed in (a token), as opposed to an anonymous citizen. */
    public static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /**
     * Whether the current caller may call this root field: what the field's fetcher will decide, known before
     * execution from the schema and the caller's roles alone (both public facts to the caller).
     */
    public static boolean mayCall(GraphQLFieldDefinition field) {
        if (field.getAppliedDirective("public") != null) {
            return true;
        }
        if (!signedIn()) {
            return false;
        }
        var roles = roles(field.getAppliedDirective("auth"));
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(roles::contains);
    }

    private static void check(String field, Set<String> roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!signedIn()) {
            throw new NotAuthorizedException(false, Text.of(PlatformTexts.SIGN_IN_TO_CALL, field));
        }
        boolean allowed = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(roles::contains);
        if (!allowed) {
            throw new NotAuthorizedException(true, Text.of(PlatformTexts.ROLES_DO_NOT_ALLOW, field));
        }
    }
}
