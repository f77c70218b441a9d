package org.dutygraph.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.scalars.ExtendedScalars;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Scalars, union type resolution, authorization and query limits for the contract's schema. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Json).scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date);
    }

    @Bean
    GraphQlSourceBuilderCustomizer contractWiring(AnonymousRateLimiter limiter) {
        return builder -> builder.defaultTypeResolver(new ViewTypeResolver())
                .typeVisitors(List.of(new AuthDirectiveVisitor(limiter)))
                .configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocumentCache(2_000)));
    }

    /** The caller's address goes into the GraphQL context for the anonymous rate limits, and nowhere else. */
    @Bean
    WebGraphQlInterceptor clientAddress() {
        return (request, chain) -> {
            var remote = request.getRemoteAddress();
            if (remote != null && remote.getAddress() != null) {
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                        Map.of(AuthDirectiveVisitor.CLIENT_ADDRESS, remote.getAddress().getHostAddress())).build());
            }
            return chain.next(request);
        };
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(15);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(2_000);
    }
}
