package org.dutygraph.complaints;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dutygraph.notifications.DeviceRegistry;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * What complaints tell people, always as sensitive notifications (the push carries an opaque id only),
 * written in the transaction of the change: the caller's {@code GraphTransactions} transaction, which
 * notifications join; the group commit enqueues {@link #awaitingTriage} in its own.
 */
@Component
class ComplaintNotices {

    static final String CITIZEN_FEATURE = "complaint";

    /** What the lock screen shows: the same for every case and every step. */
    static final NotificationRequest.Alert CITIZEN_ALERT = new NotificationRequest.Alert(
            Text.of(ComplaintTexts.CITIZEN_ALERT_TITLE), Text.of(ComplaintTexts.CITIZEN_ALERT_BODY));

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
    void citizen(String pushKey) {
        if (pushKey == null) {
            return;
        }
        var follower = follower(pushKey);
        devices.renew(List.of(follower), clock.instant());
        notifications.enqueue(NotificationRequest.alerted(
                follower,
                NotificationEvent.COMPLAINT_UPDATED,
                Text.of(ComplaintTexts.CITIZEN_UPDATE_TITLE),
                Text.of(ComplaintTexts.CITIZEN_UPDATE_BODY),
                CITIZEN_ALERT,
                null,
                null));
    }

    /** Keeps the follows of cases that are still open alive without telling anyone (overdue cases, escalated). */
    void keepFollowing(Collection<String> pushKeys) {
        devices.renew(
                pushKeys.stream()
                        .filter(Objects::nonNull)
                        .map(ComplaintNotices::follower)
                        .toList(),
                clock.instant());
    }

    static Recipient follower(String pushKey) {
        return Recipient.opaque(CITIZEN_FEATURE, pushKey);
    }

    /** What tells the efficiency office about complaints the graph could not route (by id and number). */
    List<NotificationRequest> awaitingTriage(Collection<String> usernames, List<Map.Entry<String, String>> complaints) {
        return complaints.stream()
                .flatMap(c -> requests(
                        usernames,
                        NotificationEvent.COMPLAINT_RECEIVED,
                        Text.of(ComplaintTexts.TRIAGE_TITLE, c.getValue()),
                        Text.of(ComplaintTexts.TRIAGE_BODY),
                        c.getKey())
                        .stream())
                .toList();
    }

    void handlers(Collection<String> usernames, NotificationEvent kind, Text title, Text body, String complaintId) {
        var requests = requests(usernames, kind, title, body, complaintId);
        if (!requests.isEmpty()) {
            notifications.enqueue(requests);
        }
    }

    private static List<NotificationRequest> requests(
            Collection<String> usernames, NotificationEvent kind, Text title, Text body, String complaintId) {
        return usernames.stream()
                .map(u -> NotificationRequest.sensitive(
                        Recipient.account(u), kind, title, body, "COMPLAINT", complaintId))
                .toList();
    }
}
