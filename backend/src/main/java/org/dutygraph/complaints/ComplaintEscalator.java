package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dutygraph.complaints.photos.PhotoStore;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.security.AccountService;
import org.springframework.stereotype.Component;

/**
 * Overdue complaints go up the chain of units above the handling unit, one level per overdue working
 * day, and the staff there and the efficiency office are notified. Also drops uploaded photos that no
 * complaint claimed within a day.
 */
@Component
public class ComplaintEscalator extends PeriodicJob {

    private static final Duration ORPHAN_PHOTOS = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final EscalationStore escalations;
    private final PhotoStore photos;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;
    private final ComplaintNotices notices;
    private final AccountService accounts;
    private final ComplaintOffice office;
    private final Clock clock;
    private final Messages messages;

    ComplaintEscalator(
            EscalationStore escalations,
            PhotoStore photos,
            GraphTransactions graph,
            LockStore locks,
            WorkingCalendar calendar,
            ComplaintSettings settings,
            ComplaintNotices notices,
            AccountService accounts,
            ComplaintOffice office,
            Clock clock,
            Messages messages) {
        super("complaint-escalator", "Complaint escalation");
        this.escalations = escalations;
        this.photos = photos;
        this.graph = graph;
        this.locks = locks;
        this.calendar = calendar;
        this.settings = settings;
        this.notices = notices;
        this.accounts = accounts;
        this.office = office;
        this.clock = clock;
        this.messages = messages;
    }

    record Escalation(String id, String number, String unitId, String pushKey, String status) {}

    /** Escalates every complaint overdue at {@code now}; returns them. */
    public List<Escalation> escalateDue(Instant now) {
        return graph.write(() -> {
            // Several instances may run this: the lock makes the second wait and then find nothing due.
            locks.job("complaint-escalation");
            var escalated = escalations.escalateOverdue(now, calendar.due(now, 1), BATCH);
            escalations.steps(steps(escalated), now);
            // an overdue case is still open: its followers must keep getting its updates
            notices.keepFollowing(escalated.stream().map(Escalation::pushKey).toList());
            tellHandlers(escalated);
            return escalated;
        });
    }

    /** The office and the staff of the unit each case went up to. */
    private void tellHandlers(List<Escalation> escalated) {
        // looked up only when something is overdue: this runs every minute
        var officeUsernames = escalated.isEmpty() ? List.<String>of() : List.copyOf(office.usernames());
        for (var e : escalated) {
            var recipients = new TreeSet<>(officeUsernames);
            if (e.unitId() != null) {
                recipients.addAll(accounts.usernamesInUnits(List.of(e.unitId())));
            }
            notices.handlers(
                    recipients,
                    NotificationEvent.COMPLAINT_OVERDUE,
                    Text.of(ComplaintTexts.OVERDUE_TITLE, e.number()),
                    Text.of(ComplaintTexts.OVERDUE_BODY),
                    e.id());
        }
    }

    /** Each escalation is a step of its case, saying where it went (in the reader's language; Chinese words kept beside). */
    private List<Map<String, Object>> steps(List<Escalation> escalated) {
        return escalated.stream()
                .map(e -> {
                    var note = e.unitId() == null
                            ? Text.of(ComplaintTexts.ESCALATED_TO_OFFICE)
                            : Text.of(ComplaintTexts.ESCALATED_TO_UNIT, e.unitId());
                    return Map.<String, Object>of(
                            "id",
                            e.id(),
                            "status",
                            e.status(),
                            "note",
                            messages.chinese(note),
                            "noteText",
                            TextJson.write(note));
                })
                .toList();
    }

    int dropOrphanPhotos(Instant now) {
        return photos.dropUnclaimed(now.minus(ORPHAN_PHOTOS));
    }

    @Override
    protected Duration interval() {
        return settings.escalationInterval();
    }

    @Override
    protected void runOnce() {
        var now = clock.instant();
        escalateDue(now);
        dropOrphanPhotos(now);
    }
}
