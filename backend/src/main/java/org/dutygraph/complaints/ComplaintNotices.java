package org.dutygraph.complaints;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    private final Notifications notifications;

    ComplaintNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** An anonymous follower learns only that something changed; the app fetches the case with the receipt. */
    void citizen(TransactionContext tx, String pushKey) {
        if (pushKey == null) {
            return;
        }
        notifications.enqueue(tx, NotificationRequest.sensitive(Recipient.opaque(CITIZEN_FEATURE, pushKey),
                "COMPLAINT_UPDATED", "投诉有新进展", "您关注的投诉有新进展，请用回执查看。", null, null));
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
