package org.dutygraph.complaints;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.dutygraph.notifications.DeviceRegistry;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * What complaints tell people, always as sensitive notifications (the push carries an opaque id only),
 * written in the transaction of the change.
 */
@Component
class ComplaintNotices {

    static final String CITIZEN_FEATURE = "complaint";

    /** What the lock screen shows: the same for every case and every step. */
    static final NotificationRequest.Alert CITIZEN_ALERT = new NotificationRequest.Alert("投诉进展", "您的投诉有新进展，请打开应用查看。");

    private final Notifications notifications;
    private final DeviceRegistry devices;
    private final Clock clock;

    ComplaintNotices(Notifications notifications, DeviceRegistry devices, Clock clock) {
        this.notifications = notifications;
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * An anonymous follower learns only that something changed, as a generic alert; the app fetches the case with
     * the receipt. The case's follows are renewed in the same transaction: a follow lasts while its case moves, not
     * only while the app is started (the devices' stale-after rule would otherwise silence it).
     */
    void citizen(TransactionContext tx, String pushKey) {
        if (pushKey == null) {
            return;
        }
        var follower = follower(pushKey);
        devices.renew(tx, List.of(follower), clock.instant());
        notifications.enqueue(tx, NotificationRequest.alerted(follower, "COMPLAINT_UPDATED", "投诉有新进展",
                "您关注的投诉有新进展，请用回执查看。", CITIZEN_ALERT, null, null));
    }

    /** Keeps the follows of cases that are still open alive without telling anyone (overdue cases, escalated). */
    void keepFollowing(TransactionContext tx, Collection<String> pushKeys) {
        devices.renew(tx, pushKeys.stream().filter(java.util.Objects::nonNull).map(ComplaintNotices::follower).toList(),
                clock.instant());
    }

    static Recipient follower(String pushKey) {
        return Recipient.opaque(CITIZEN_FEATURE, pushKey);
    }

    /** Tells the efficiency office about complaints the graph could not route (by id and number). */
    void awaitingTriage(TransactionContext tx, Collection<String> usernames, List<Map.Entry<String, String>> complaints) {
        enqueue(tx, complaints.stream().flatMap(c -> requests(usernames, "COMPLAINT_RECEIVED", "新投诉待分办 " + c.getValue(),
                "系统无法确定承办单位，请人工分办。", c.getKey()).stream()).toList());
    }

    void handlers(TransactionContext tx, Collection<String> usernames, String kind, String title, String body,
                  String complaintId) {
        enqueue(tx, requests(usernames, kind, title, body, complaintId));
    }

    private static List<NotificationRequest> requests(Collection<String> usernames, String kind, String title, String body,
                                                      String complaintId) {
        return usernames.stream().map(u -> NotificationRequest.sensitive(Recipient.account(u), kind, title, body, "COMPLAINT",
                complaintId)).toList();
    }

    private void enqueue(TransactionContext tx, List<NotificationRequest> requests) {
        if (!requests.isEmpty()) {
            notifications.enqueue(tx, requests);
        }
    }
}
