package org.dutygraph.platform.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.dutygraph.platform.ratelimit.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors with a stable {@code extensions.code}, the field path, and
 * for bad input the argument at fault. Anything unexpected becomes INTERNAL with no internals shown.
 */
@Component
public class ErrorCodes extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodes.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadInputException bad) {
            return error(env, ErrorType.BAD_REQUEST, "BAD_USER_INPUT", bad.getMessage(), bad.field(), bad.code());
        }
        if (ex instanceof NotFoundException notFound) {
            return error(env, ErrorType.NOT_FOUND, "NOT_FOUND", notFound.getMessage(), notFound.field(), null);
        }
        if (ex instanceof NotAuthorizedException denied) {
            var type = "FORBIDDEN".equals(denied.code()) ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED;
            return error(env, type, denied.code(), denied.getMessage(), null, null);
        }
        if (ex instanceof RateLimitedException limited) {
            return retryLater(env, ErrorType.BAD_REQUEST, "RATE_LIMITED", limited.getMessage(), limited.retryAfter());
        }
        if (ex instanceof UnavailableException unavailable) {
            return retryLater(env, ErrorType.INTERNAL_ERROR, "UNAVAILABLE", unavailable.getMessage(), unavailable.retryAfter());
        }
        log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "INTERNAL", "Something went wrong on our side; it has been logged",
                null, null);
    }

    private static GraphQLError retryLater(DataFetchingEnvironment env, ErrorClassification type, String code, String message,
                                           Duration retryAfter) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message)
                .extensions(Map.of("code", code, "retryAfterSeconds", Math.max(1, retryAfter.toSeconds()))).build();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String code, String message,
                                      String field, String reason) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        if (reason != null) {
            extensions.put("reason", reason);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
