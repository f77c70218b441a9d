package org.dutygraph.inspections;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.security.AccountService;
import org.springframework.stereotype.Component;

/**
 * Reminds units of rectification deadlines (the day before) and inspectors of return visits that are due,
 * once each. Pushes carry no content.
 */
@Component
public class InspectionReminders extends PeriodicJob {

    public record Sent(int deadlines, int returnVisits) {}

    private final GraphTransactions graph;
    private final LockStore locks;
    private final InspectionReminderStore reminders;
    private final Notifications notifications;
    private final AccountService accounts;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionReminders(
            GraphTransactions graph,
            LockStore locks,
            InspectionReminderStore reminders,
            Notifications notifications,
            AccountService accounts,
            InspectionSettings settings,
            Clock clock) {
        super("inspection-reminders", "Inspection reminders");
        this.graph = graph;
        this.locks = locks;
        this.reminders = reminders;
        this.notifications = notifications;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    public Sent remindDue(LocalDate today) {
        var now = clock.millis();
        return graph.write(() -> {
            locks.job("inspection-reminders");
            var deadlines = reminders.takeDueOrders(today.plusDays(1), now);
            var visits = reminders.takeDueReturnVisits(today, now);
            var requests = new ArrayList<NotificationRequest>();
            for (var d : deadlines) {
                for (var username : accounts.usernamesInUnits(List.of(d.unitId()))) {
                    requests.add(NotificationRequest.sensitive(
                            Recipient.account(username),
                            NotificationEvent.RECTIFICATION_DUE,
                            Text.of(InspectionTexts.DUE_TITLE),
                            Text.of(InspectionTexts.DUE_BODY, d.rectifyBy()),
                            SubjectType.RECTIFICATION.name(),
                            d.id()));
                }
            }
            for (var v : visits) {
                for (var username : v.inspectors()) {
                    requests.add(NotificationRequest.sensitive(
                            Recipient.account(username),
                            NotificationEvent.RETURN_VISIT_DUE,
                            Text.of(InspectionTexts.RETURN_VISIT_DUE_TITLE),
                            Text.of(InspectionTexts.RETURN_VISIT_DUE_BODY, v.dueBy()),
                            SubjectType.ASSIGNMENT.name(),
                            v.id()));
                }
            }
            notifications.enqueue(requests);
            return new Sent(deadlines.size(), visits.size());
        });
    }

    @Override
    protected Duration interval() {
        return settings.reminderInterval();
    }

    @Override
    protected void runOnce() {
        remindDue(LocalDate.now(clock));
    }
}
