package org.dutygraph.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.TextJson;
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
    private final Messages messages;

    Notifications(NotificationStore store, Clock clock, Messages messages) {
        this.store = store;
        this.clock = clock;
        this.messages = messages;
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

    private List<NotificationStore.NewNotification> stored(List<NotificationRequest> requests, long now) {
        return requests.stream().map(r -> stored(r, now)).toList();
    }

    private static List<String> ids(List<NotificationStore.NewNotification> notifications) {
        return notifications.stream().map(NotificationStore.NewNotification::id).toList();
    }

    /**
     * A request as stored. Catalogue texts are kept as key and arguments (rendered in the reader's language when read)
     * beside their Chinese words (what older readers and a key that has left the catalogue fall back to); a visible push
     * is stored in Chinese and, where it differs, in English, for devices whose locale is English.
     */
    private NotificationStore.NewNotification stored(NotificationRequest request, long now) {
        var notificationId = UUID.randomUUID().toString();
        var messageId = UUID.randomUUID().toString();
        var payload = payload(request, messageId, notificationId, Languages.CHINESE);
        var english = payload.dataOnly() || !translatable(request)
                ? null
                : payload(request, messageId, notificationId, Languages.ENGLISH);
        if (english != null
                && english.title().equals(payload.title())
                && english.body().equals(payload.body())) {
            english = null;
        }
        return new NotificationStore.NewNotification(
                notificationId,
                messageId,
                request.recipient(),
                request.kind().name(),
                messages.chinese(request.title()),
                messages.chinese(request.body()),
                TextJson.write(request.title()),
                TextJson.write(request.body()),
                request.sensitive(),
                request.subjectType(),
                request.subjectId(),
                TimeKeys.key(now, notificationId),
                payload.dataJson(),
                payload.title(),
                payload.body(),
                english == null ? null : english.title(),
                english == null ? null : english.body());
    }

    private static boolean translatable(NotificationRequest request) {
        return request.alert() != null
                ? !request.alert().title().isVerbatim()
                        || !request.alert().body().isVerbatim()
                : !request.title().isVerbatim() || !request.body().isVerbatim();
    }

    /** What is pushed for the request to a device of this language, checked against the provider's size limit. */
    private PushPayload payload(NotificationRequest request, String messageId, String notificationId, Locale language) {
        return (request.alert() != null
                        ? PushPayload.alerted(
                                messageId,
                                notificationId,
                                messages.render(request.alert().title(), language),
                                messages.render(request.alert().body(), language))
                        : request.sensitive()
                                ? PushPayload.sensitive(messageId, notificationId)
                                : PushPayload.visible(
                                        messageId,
                                        notificationId,
                                        request.kind().name(),
                                        request.subjectType(),
                                        request.subjectId(),
                                        messages.render(request.title(), language),
                                        messages.render(request.body(), language)))
                .requireWithinLimit();
    }
}
