package org.dutygraph.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dutygraph.notifications.push.PushOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has become of one claimed batch, message by message: each answer is turned into the intent's new
 * state at once, so it can be recorded before the rest of the batch is answered. Used by the dispatching
 * thread only, except {@link #unfinished()}, which the lease heartbeat reads.
 */
final class BatchProgress {

    private static final Logger log = LoggerFactory.getLogger(BatchProgress.class);

    private final Map<String, Intent> intents = new LinkedHashMap<>();
    private final Set<String> unfinished = ConcurrentHashMap.newKeySet();
    private final RetryPolicy retry;

    BatchProgress(List<PushOutbox.ClaimedPush> claimed, RetryPolicy retry, Instant now) {
        this.retry = retry;
        for (var push : claimed) {
            var intent = new Intent(push, now);
            intents.put(push.id(), intent);
            unfinished.add(push.id());
        }
    }

    /** Intents with answers still to come or to be recorded: their claim must not lapse. */
    List<String> unfinished() {
        return List.copyOf(unfinished);
    }

    /** Takes the answer for one (intent, "channel:token") message, answered at {@code at}. */
    void answered(String intentId, String target, PushOutcome outcome, Instant at, Set<String> goneTokens) {
        var intent = intents.get(intentId);
        intent.open--;
        intent.changed = true;
        if (at.isAfter(intent.lastAnswer)) {
            intent.lastAnswer = at;
        }
        switch (outcome.status()) {
            case DELIVERED -> {
                intent.delivered++;
                intent.remaining.remove(target);
            }
            case TOKEN_GONE -> {
                goneTokens.add(target.substring(target.indexOf(':') + 1));
                intent.remaining.remove(target);
            }
            case REJECTED -> {
                intent.rejected = true;
                intent.remaining.remove(target);
            }
            case RETRY -> {
                intent.again.add(target);
                if (outcome.retryAfter() != null
                        && (intent.retryAfter == null || outcome.retryAfter().compareTo(intent.retryAfter) > 0)) {
                    intent.retryAfter = outcome.retryAfter();
                }
            }
        }
        if (outcome.error() != null) {
            intent.error = outcome.error();
        }
    }

    /**
     * The new states of the intents that changed since the last call: final for those with every message
     * answered, partial (devices still to reach) for the others. Call {@link #recorded} once stored.
     */
    List<PushOutbox.Result> changes() {
        var results = new ArrayList<PushOutbox.Result>();
        for (var intent : intents.values()) {
            if (intent.changed) {
                intent.changed = false;
                results.add(intent.open > 0 ? intent.partial() : intent.result());
            }
        }
        return results;
    }

    void recorded(List<PushOutbox.Result> results) {
        for (var result : results) {
            if (result.finished()) {
                unfinished.remove(result.id());
            }
        }
    }

    private final class Intent {

        final PushOutbox.ClaimedPush push;
        final List<String> remaining;
        final List<String> again = new ArrayList<>();
        int open;
        int delivered;
        boolean rejected;
        boolean changed;
        String error;
        Duration retryAfter;
        Instant lastAnswer;

        Intent(PushOutbox.ClaimedPush push, Instant now) {
            this.push = push;
            this.remaining = new ArrayList<>(push.targets());
            this.open = push.targets().size();
            this.delivered = push.delivered();
            this.lastAnswer = now;
            this.changed = open == 0;
        }

        PushOutbox.Result partial() {
            return new PushOutbox.Result(
                    push.id(), "claimed", null, List.copyOf(remaining), delivered, error, lastAnswer.toEpochMilli());
        }

        /** Retries wait from the answer that asked for them (Retry-After counts from then), not from the claim. */
        PushOutbox.Result result() {
            long at = lastAnswer.toEpochMilli();
            if (!again.isEmpty()) {
                if (retry.exhausted(push.attempts())) {
                    log.warn("Push {} is a dead letter after {} attempts: {}", push.id(), push.attempts(), error);
                    return new PushOutbox.Result(push.id(), "dead", at, again, delivered, error, at);
                }
                return new PushOutbox.Result(
                        push.id(),
                        "pending",
                        lastAnswer
                                .plus(retry.delay(push.attempts(), retryAfter))
                                .toEpochMilli(),
                        again,
                        delivered,
                        error,
                        at);
            }
            if (delivered > 0) {
                return new PushOutbox.Result(push.id(), "sent", at, List.of(), delivered, error, at);
            }
            if (rejected) {
                log.warn("Push {} is a dead letter, refused by the provider: {}", push.id(), error);
                return new PushOutbox.Result(push.id(), "dead", at, List.of(), delivered, error, at);
            }
            return new PushOutbox.Result(
                    push.id(),
                    "skipped",
                    at,
                    List.of(),
                    delivered,
                    push.targets().isEmpty() ? "no current device" : error,
                    at);
        }
    }
}
