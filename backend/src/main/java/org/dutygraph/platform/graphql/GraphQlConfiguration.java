package org.dutygraph.platform.graphql;

import graphql.parser.ParserOptions;
import graphql.scalars.ExtendedScalars;
import java.util.List;
import org.dutygraph.platform.graphql.limits.DocumentLimits;
import org.dutygraph.platform.graphql.limits.GraphQlLimits;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Scalars, union type resolution, authorization and query limits for the contract's schema. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars(Messages messages) {
        return wiring -> wiring.scalar(ExtendedScalars.Json)
                .scalar(BoundedTimeScalars.dateTime(messages))
                .scalar(BoundedTimeScalars.date(messages))
                .scalar(PartialDateScalar.create(messages))
                .scalar(PeriodScalars.yearMonth(messages))
                .scalar(PeriodScalars.appraisalPeriod(messages));
    }

    @Bean
    GraphQlSourceBuilderCustomizer contractWiring(
            AnonymousRateLimiter limiter, TrustedDocuments trusted, Messages messages) {
        return builder -> builder.defaultTypeResolver(new ViewTypeResolver())
                .typeVisitors(List.of(
                        new CursorBindingVisitor(),
                        new AuthDirectiveVisitor(limiter),
                        new BoundedListVisitor(messages)))
                .configureGraphQl(
                        graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocumentCache(2_000, trusted)));
    }

    /**
     * The caller's address goes into the GraphQL context for the anonymous rate limits, and nowhere else; the
     * parser's token limit goes there too (graphql-java reads its options from the context).
     */
    @Bean
    WebGraphQlInterceptor clientAddress(GraphQlLimits limits) {
        var parserOptions =
                ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(limits.maxTokens()));
        return (request, chain) -> {
            var remote = request.getRemoteAddress();
            request.configureExecutionInput((input, builder) -> {
                var context = new java.util.HashMap<Object, Object>();
                context.put(ParserOptions.class, parserOptions);
                if (remote != null && remote.getAddress() != null) {
                    context.put(
                            AuthDirectiveVisitor.CLIENT_ADDRESS,
                            remote.getAddress().getHostAddress());
                }
                return builder.graphQLContext(context).build();
            });
            return chain.next(request);
        };
    }

    /** Depth, aliases, directives and cost of the operation as it would execute (see {@link GraphQlLimits}). */
    @Bean
    DocumentLimits documentLimits(GraphQlLimits limits, Messages messages, TrustedDocuments trusted) {
        return new DocumentLimits(limits, messages, trusted);
    }
}
