package org.dutygraph.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public interface of the notifications feature. A feature that changes something and must tell
 * someone calls {@link #enqueue(List)} inside its own write transaction ({@code GraphTransactions.write}): the inbox
 * entry and the push intent commit or roll back with the change (transactional outbox), and the dispatcher delivers
 * them later, at least once.
 */
@Service
public class Notifications {

    private final NotificationStore store;
    private final Clock clock;

    Notifications(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores the notifications and their push intents in the caller's {@code GraphTransactions} transaction; returns
     * the notification ids in order. Refuses outside a transaction: a notification commits with the change that
     * caused it, or not at all.
     */
    public List<String> enqueue(List<NotificationRequest> requests) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("notifications are enqueued in the transaction of the change that causes "
                    + "them: call enqueue inside GraphTransactions.write");
        }
        var now = clock.millis();
        var notifications = stored(requests, now);
        store.create(notifications, now);
        return ids(notifications);
    }

    /** {@link #enqueue(List)} for one request; returns its id. */
    public String enqueue(NotificationRequest request) {
        return enqueue(List.of(request)).get(0);
    }

    /**
     * As {@link #enqueue(List)}, in a plain driver transaction: for a store that keeps the driver where a
     * measurement showed it matters (the complaint group commit, {@code SubmissionStore}).
     */
    public List<String> enqueue(TransactionContext tx, List<NotificationRequest> requests) {
        var now = clock.millis();
        var notifications = stored(requests, now);
        store.create(tx, notifications, now);
        return ids(notifications);
    }

    /** {@link #enqueue(TransactionContext, List)} for one request; returns its id. */
    public String enqueue(TransactionContext tx, NotificationRequest request) {
        return enqueue(tx, List.of(request)).get(0);
    }

    private static List<NotificationStore.NewNotification> stored(List<NotificationRequest> requests, long now) {
        return requests.stream().map(r -> stored(r, now)).toList();
    }

    private static List<String> ids(List<NotificationStore.NewNotification> notifications) {
        return notifications.stream().map(NotificationStore.NewNotification::id).toList();
    }

    private static NotificationStore.NewNotification stored(NotificationRequest request, long now) {
        var notificationId = UUID.randomUUID().toString();
        var messageId = UUID.randomUUID().toString();
        var payload = (request.alert() != null
                ? PushPayload.alerted(messageId, notificationId, request.alert().title(), request.alert().body())
                : request.sensitive()
                ? PushPayload.sensitive(messageId, notificationId)
                : PushPayload.visible(messageId, notificationId, request.kind(), request.subjectType(),
                request.subjectId(), request.title(), request.body())).requireWithinLimit();
        return new NotificationStore.NewNotification(notificationId, messageId, request.recipient(), request.kind(),
                request.title(), request.body(), request.sensitive(), request.subjectType(), request.subjectId(),
                TimeKeys.key(now, notificationId), payload.dataJson(), payload.title(), payload.body());
    }
}
