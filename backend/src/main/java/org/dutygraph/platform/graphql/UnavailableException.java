package org.dutygraph.platform.graphql;

import java.time.Duration;
import org.dutygraph.platform.i18n.Text;

/**
 * The request was not carried out because the service is overloaded or stopping; nothing was changed and the
 * same request may be sent again after {@code retryAfter}. Answered as UNAVAILABLE.
 */
public class UnavailableException extends RuntimeException {

    private final Duration retryAfter;
    private final Text text;

    public UnavailableException(Text text, Duration retryAfter) {
        super(text.toString());
        this.retryAfter = retryAfter;
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
