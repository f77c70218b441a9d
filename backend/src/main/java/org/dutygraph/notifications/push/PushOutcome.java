package org.dutygraph.notifications.push;

import java.time.Duration;

/**
 * What became of one message.
 *
 * @param retryAfter the wait the provider asked for (Retry-After), or null
 * @param error      the provider's reason when not delivered
 */
public record PushOutcome(Status status, Duration retryAfter, String error) {

    public enum Status {
        DELIVERED,
        /** Temporary: quota, server error, network. Try again later. */
        RETRY,
        /** The token is no longer valid: delete it, never retry. */
        TOKEN_GONE,
        /** Refused for good (bad request, auth, not found): never retried. */
        REJECTED
    }

    public static PushOutcome delivered() {
        return new PushOutcome(Status.DELIVERED, null, null);
    }

    public static PushOutcome retry(Duration retryAfter, String error) {
        return new PushOutcome(Status.RETRY, retryAfter, error);
    }

    public static PushOutcome tokenGone(String error) {
        return new PushOutcome(Status.TOKEN_GONE, null, error);
    }

    public static PushOutcome rejected(String error) {
        return new PushOutcome(Status.REJECTED, null, error);
    }
}
