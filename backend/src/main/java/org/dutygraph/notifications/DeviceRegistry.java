package org.dutygraph.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Push tokens of recipients' devices. A token belongs to one recipient: the one that registered it last. A feature
 * that registers a device on behalf of an opaque recipient (a followed case) may store the token in a form only its
 * own channel reads, so that one phone can be an account's device and follow cases without the rows sharing a token.
 * Writes join the caller's {@link GraphTransactions} transaction when there is one.
 */
@Service
public class DeviceRegistry {

    /** What push SDKs hand out as registration tokens: 1 to 4096 letters, digits, '_', ':', '.' or '-'. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{1,4096}");

    private final DeviceStore store;
    private final GraphTransactions graph;

    DeviceRegistry(DeviceStore store, GraphTransactions graph) {
        this.store = store;
        this.graph = graph;
    }

    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public DeviceView register(
            Recipient recipient, String token, String platform, String channel, String locale, Instant now) {
        return graph.write(() -> store.register(recipient, token, platform, channel, locale, now));
    }

    public boolean unregister(Recipient recipient, String token) {
        return graph.write(() -> store.unregister(recipient, token));
    }

    public List<DeviceView> page(Recipient recipient, String afterId, int limit) {
        return graph.read(() -> store.page(recipient, afterId, limit));
    }

    /**
     * Marks the devices of these recipients seen now, in the caller's transaction. For registrations a feature
     * holds on someone's behalf (a citizen following an open case), which must not go stale while what they
     * follow is alive: the feature renews them with each notice it writes and while the thing stays open.
     */
    public void renew(Collection<Recipient> recipients, Instant now) {
        if (!recipients.isEmpty()) {
            graph.write(() -> store.renew(recipients, now));
        }
    }

    /** Forgets tokens the push provider said are no longer valid. */
    public void delete(Collection<String> tokens) {
        if (!tokens.isEmpty()) {
            graph.write(() -> store.delete(tokens));
        }
    }

    /** Deletes devices not seen since {@code cutoff}; returns how many. */
    public int deleteUnseenSince(Instant cutoff) {
        return graph.write(() -> store.deleteUnseenSince(cutoff));
    }
}
