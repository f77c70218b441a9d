package org.dutygraph.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request-level errors (syntax, validation, limits) a stable {@code extensions.code} too, so that
 * clients branch on codes for every error, not on messages; their messages are made plain (see {@link PlainMessages}).
 * graphql-java writes them in English: in Chinese they get a sentence saying what kind of error it is, followed by
 * that technical detail.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    private final Messages messages;
    // the schema, to find a refused value inside a variable; looked up late, as the source is built after interceptors
    private final ObjectProvider<GraphQlSource> source;

    ErrorCodeInterceptor(Messages messages, ObjectProvider<GraphQlSource> source) {
        this.messages = messages;
        this.source = source;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream()
                    .allMatch(
                            e -> e.getExtensions() != null && e.getExtensions().containsKey("code"))) {
                return response;
            }
            var language = Languages.fromAcceptLanguage(request.getHeaders().getFirst("Accept-Language"));
            return response.transform(builder -> builder.errors(response.getExecutionResult().getErrors().stream()
                    .map(error -> withCode(error, request, language))
                    .toList()));
        });
    }

    private graphql.schema.GraphQLSchema schema() {
        var source = this.source.getIfAvailable();
        return source == null ? null : source.schema();
    }

    private GraphQLError withCode(GraphQLError error, WebGraphQlRequest request, Locale language) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        var extensions = new LinkedHashMap<String, Object>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        var classification =
                error.getErrorType() == null ? "" : error.getErrorType().toString();
        // a variable's default value a scalar refused: graphql-java's error names neither the variable nor the reason
        var refusedDefault = !extensions.containsKey("reason") && classification.equals("ValidationError")
                ? ScalarRefusals.refusedDefault(error, request, schema())
                : Optional.<ScalarRefusals.RefusedDefault>empty();
        refusedDefault.ifPresent(refused -> extensions.put("reason", refused.reason()));
        // a value our scalars refused (a month, a period) is input the caller can fix, as a resolver's refusal is
        boolean refusedValue = extensions.containsKey("reason");
        var code = switch (classification) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> refusedValue ? "BAD_USER_INPUT" : "GRAPHQL_VALIDATION_FAILED";
            case "ExecutionAborted" -> "QUERY_TOO_COMPLEX";
            // Apollo clients answer this one by sending the document's text with its hash
            case "PersistedQueryNotFound" -> "PERSISTED_QUERY_NOT_FOUND";
            default -> "BAD_REQUEST";
        };
        extensions.put("code", code);
        var kind = switch (code) {
            case "GRAPHQL_PARSE_FAILED" -> PlatformTexts.REQUEST_PARSE_FAILED;
            case "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT" -> PlatformTexts.REQUEST_INVALID;
            case "QUERY_TOO_COMPLEX" -> PlatformTexts.REQUEST_TOO_COMPLEX;
            default -> PlatformTexts.REQUEST_REFUSED;
        };
        // Apollo iOS recognises a missing persisted query by this exact message, in any language
        var message = code.equals("PERSISTED_QUERY_NOT_FOUND")
                ? "PersistedQueryNotFound"
                : messages.render(Text.of(kind, String.valueOf(PlainMessages.of(error.getMessage()))), language);
        if (refusedValue) {
            var field = refusedDefault.isPresent()
                    ? refusedDefault.get().field()
                    : ScalarRefusals.field(error, request, schema());
            var refusal = field == null
                    ? Optional.<Text>empty()
                    : ScalarRefusals.message(String.valueOf(extensions.get("reason")), field);
            if (refusal.isPresent()) {
                extensions.put("field", field);
                message = messages.render(refusal.get(), language);
            }
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
