package org.dutygraph.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * Who hears of a queue level: the post configured for it, else the hall's head (yellow, the window section head),
 * the leader in charge of the hall (orange) or the head of the unit above the hall (red). Pushes carry no content.
 */
@Component
class QueueNotices {

    static final NotificationEvent KIND = NotificationEvent.SUPERVISION_QUEUE;

    private final QueueStore store;
    private final RecipientStore recipients;
    private final Clock clock;

    QueueNotices(QueueStore store, RecipientStore recipients, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.clock = clock;
    }

    Optional<String> post(WatchedHall hall, QueueLevel level) {
        var configured = hall.postOverride(level);
        if (configured != null && !configured.isBlank()) return Optional.of(configured);
        return switch (level) {
            case yellow -> store.headOf(hall.unitId());
            case orange -> recipients.leaderInCharge(hall.unitId());
            case red -> store.parentOf(hall.unitId()).flatMap(store::headOf);
        };
    }

    List<NotificationRequest> requests(WatchedHall hall, QueueLevel level, String alertId, int waiting) {
        var post = post(hall, level);
        if (post.isEmpty()) return List.of();
        var title = Text.of(SupervisionTexts.title(level));
        // the inbox names the hall as people know it; the push itself stays content-free
        var body = Text.of(
                SupervisionTexts.QUEUE_RAISED, store.unitName(hall.unitId()).orElse(hall.unitId()), waiting);
        var requests = new ArrayList<NotificationRequest>();
        for (var username : recipients.usernamesHolding(
                Set.of(post.get()), LocalDate.now(clock).toString())) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username), KIND, title, body, KIND.name(), alertId));
        }
        return requests;
    }
}
