package org.dutygraph.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.stereotype.Service;

/**
 * The push intents {@link Notifications#enqueue} writes with each change. Dispatchers claim due intents
 * for a lease and renew it while they send; claims and renewals of all dispatchers are serialised on one
 * job lock, so two of them never claim the same intent, and an intent whose dispatcher died is due again
 * when its lease ends. Each message is marked as it is answered: an intent's {@code targets} are the
 * devices it has still to reach, so a dispatcher that takes over sends only those. Each step is a transaction of its
 * own (the queries: {@link PushIntentStore}).
 */
@Service
public class PushOutbox {

    /**
     * A claimed intent; {@code targets} are "channel:token" pairs still to deliver, {@code delivered} the
     * devices reached by earlier attempts. A visible push has its words in Chinese ({@code payload}) and, where they
     * differ, in English ({@code english}), for the targets whose device's locale is English.
     */
    record ClaimedPush(
            String id,
            String recipient,
            int attempts,
            List<String> targets,
            int delivered,
            PushPayload payload,
            PushPayload english,
            Set<String> englishTargets) {

        /** What goes to this target: in its device's language. */
        PushPayload payloadFor(String target) {
            return english != null && englishTargets.contains(target) ? english : payload;
        }
    }

    /**
     * A claimed intent's new state. While some of its messages are still unanswered the state stays
     * {@code claimed} and {@code dueAt} is null (the lease is unchanged); {@code at} is when the last
     * answer came.
     */
    record Result(String id, String state, Long dueAt, List<String> targets, int delivered, String lastError, long at) {

        boolean finished() {
            return !"claimed".equals(state);
        }
    }

    /** Serialises the claims and renewals of every dispatcher. */
    private static final String CLAIMS_LOCK = "push-dispatch";

    private final PushIntentStore intents;
    private final GraphTransactions graph;
    private final LockStore locks;

    PushOutbox(PushIntentStore intents, GraphTransactions graph, LockStore locks) {
        this.intents = intents;
        this.graph = graph;
        this.locks = locks;
    }

    List<ClaimedPush> claim(String claimId, Instant now, Duration lease, int limit, Instant freshSince) {
        return graph.write(() -> {
            // Held until commit: a second dispatcher waits here and then sees this one's claims.
            locks.job(CLAIMS_LOCK);
            return intents.claim(claimId, now, now.plus(lease), limit, freshSince);
        });
    }

    /**
     * Extends the lease of those of {@code ids} still claimed by {@code claimId} to {@code until}; returns
     * how many. Under the claims' lock, so a claim never reads a lease that is being renewed.
     */
    int renew(String claimId, List<String> ids, Instant until) {
        return graph.write(() -> {
            locks.job(CLAIMS_LOCK);
            return intents.renew(claimId, ids, until);
        });
    }

    /** Applies results of a send, only where the claim is still this dispatcher's; returns how many applied. */
    int record(String claimId, List<Result> results) {
        return graph.write(() -> intents.record(claimId, results));
    }

    public List<PushView> dead(String beforeKey, int limit) {
        return graph.read(() -> intents.dead(beforeKey, limit));
    }

    /** Dead intents among {@code ids} (all dead ones when null) go back to pending with fresh attempts; returns their ids. */
    public List<String> replay(List<String> ids, Instant now) {
        return graph.write(() -> intents.replay(ids, now));
    }

    public Map<String, Long> countByState() {
        return graph.read(intents::countByState);
    }
}
