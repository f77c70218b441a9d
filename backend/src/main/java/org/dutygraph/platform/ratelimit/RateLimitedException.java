package org.dutygraph.platform.ratelimit;

import java.time.Duration;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/** Too many calls from one address; says when to try again. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Text text() {
        return Text.of(PlatformTexts.RATE_LIMITED, Math.max(1, retryAfter.toSeconds()));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
