package org.dutygraph.platform.graphql;

import java.util.List;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.scalars.ExtendedScalars;
import org.dutygraph.org.read.Views;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;
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
        var types = new ClassNameTypeResolver();
        types.addMapping(Views.UnitView.class, "Unit");
        types.addMapping(Views.PostView.class, "Post");
        return builder -> builder.defaultTypeResolver(types).typeVisitors(List.of(new AuthDirectiveVisitor()));
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
