package org.dutygraph.platform.graphql;

import java.time.Duration;

/**
 * The request was not carried out because the service is overloaded or stopping; nothing was changed and the
 * same request may be sent again after {@code retryAfter}. Answered as UNAVAILABLE.
 */
public class UnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
