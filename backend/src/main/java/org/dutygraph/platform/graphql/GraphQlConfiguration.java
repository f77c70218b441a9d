package org.dutygraph.platform.graphql;

import java.util.List;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.scalars.ExtendedScalars;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars, union type resolution, authorization and query limits for the contract's schema. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Json).scalar(ExtendedScalars.DateTime);
    }

    @Bean
    GraphQlSourceBuilderCustomizer contractWiring() {
        return builder -> builder.defaultTypeResolver(new ViewTypeResolver()).typeVisitors(List.of(new AuthDirectiveVisitor()));
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
