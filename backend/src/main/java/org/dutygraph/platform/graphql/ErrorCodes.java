package org.dutygraph.platform.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.ratelimit.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors with a stable {@code extensions.code}, the field path, and
 * for bad input the argument at fault. Anything unexpected becomes INTERNAL with no internals shown. The message is
 * in the request's language; the code stays the same in every language.
 */
@Component
public class ErrorCodes extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodes.class);

    private final Messages messages;

    public ErrorCodes(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadInputException bad) {
            return error(
                    env, ErrorType.BAD_REQUEST, "BAD_USER_INPUT", render(bad.text(), env), bad.field(), bad.code());
        }
        if (ex instanceof NotFoundException notFound) {
            return error(env, ErrorType.NOT_FOUND, "NOT_FOUND", render(notFound.text(), env), notFound.field(), null);
        }
        if (ex instanceof NotAuthorizedException denied) {
            var type = "FORBIDDEN".equals(denied.code()) ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED;
            return error(env, type, denied.code(), render(denied.text(), env), null, null);
        }
        if (ex instanceof RateLimitedException limited) {
            return retryLater(
                    env, ErrorType.BAD_REQUEST, "RATE_LIMITED", render(limited.text(), env), limited.retryAfter());
        }
        if (ex instanceof UnavailableException unavailable) {
            return retryLater(
                    env,
                    ErrorType.INTERNAL_ERROR,
                    "UNAVAILABLE",
                    render(unavailable.text(), env),
                    unavailable.retryAfter());
        }
        log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
        return error(
                env, ErrorType.INTERNAL_ERROR, "INTERNAL", render(Text.of(PlatformTexts.INTERNAL), env), null, null);
    }

    private String render(Text text, DataFetchingEnvironment env) {
        return messages.render(text, env.getLocale());
    }

    private static GraphQLError retryLater(
            DataFetchingEnvironment env, ErrorClassification type, String code, String message, Duration retryAfter) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(Map.of("code", code, "retryAfterSeconds", Math.max(1, retryAfter.toSeconds())))
                .build();
    }

    private static GraphQLError error(
            DataFetchingEnvironment env,
            ErrorClassification type,
            String code,
            String message,
            String field,
            String reason) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        if (reason != null) {
            extensions.put("reason", reason);
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }
}
