package org.dutygraph.platform.i18n;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Every GraphQL request runs in the language its Accept-Language asks for (Chinese by default). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    /** String fields render the {@link Text}s their fetchers return in the request's language. */
    @Bean
    GraphQlSourceBuilderCustomizer textFields(Messages messages) {
        return builder -> builder.typeVisitors(List.of(new TextFields(messages)));
    }

    /** The execution's locale (what data fetchers, scalars and error resolvers read) is one the service speaks. */
    @Bean
    WebGraphQlInterceptor requestLanguage() {
        return (request, chain) -> {
            var language = Languages.fromAcceptLanguage(request.getHeaders().getFirst("Accept-Language"));
            request.configureExecutionInput(
                    (input, builder) -> builder.locale(language).build());
            return chain.next(request);
        };
    }
}
