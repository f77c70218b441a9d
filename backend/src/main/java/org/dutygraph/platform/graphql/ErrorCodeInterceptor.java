package org.dutygraph.platform.graphql;

import java.util.LinkedHashMap;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request-level errors (syntax, validation, limits) a stable {@code extensions.code} too, so that
 * clients branch on codes for every error, not on messages; their messages are made plain (see {@link PlainMessages}).
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(e -> e.getExtensions() != null && e.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(response.getExecutionResult().getErrors().stream()
                    .map(ErrorCodeInterceptor::withCode).toList()));
        });
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        var extensions = new LinkedHashMap<String, Object>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        var classification = error.getErrorType() == null ? "" : error.getErrorType().toString();
        extensions.put("code", switch (classification) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            case "ExecutionAborted" -> "QUERY_TOO_COMPLEX";
            // Apollo clients answer this one by sending the document's text with its hash
            case "PersistedQueryNotFound" -> "PERSISTED_QUERY_NOT_FOUND";
            default -> "BAD_REQUEST";
        });
        return GraphqlErrorBuilder.newError().message(PlainMessages.of(error.getMessage())).locations(error.getLocations())
                .path(error.getPath()).errorType(error.getErrorType()).extensions(extensions).build();
    }
}
