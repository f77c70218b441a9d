package org.dutygraph.notifications.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The FCM channel when no Firebase project is configured (the embedded default): messages are
 * accepted and the last thousand kept in memory, so the service and its outbox work without credentials.
 */
public final class RecordingPushProvider implements PushProvider {

    private static final int KEPT = 1000;
    private final Deque<PushMessage> recent = new ArrayDeque<>();

    @Override
    public String channel() {
        return "fcm";
    }

    @Override
    public synchronized List<PushOutcome> send(List<PushMessage> messages) {
        for (var message : messages) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(message);
        }
        return messages.stream().map(m -> PushOutcome.delivered()).toList();
    }

    public synchronized List<PushMessage> recent() {
        return List.copyOf(recent);
    }
}
