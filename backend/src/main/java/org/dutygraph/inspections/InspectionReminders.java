package org.dutygraph.inspections;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.security.AccountService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Reminds units of rectification deadlines (the day before) and inspectors of return visits that are due,
 * once each. Pushes carry no content.
 */
@Component
public class InspectionReminders extends PeriodicJob {

    public record Sent(int deadlines, int returnVisits) {
    }

    private final Driver driver;
    private final Notifications notifications;
    private final AccountService accounts;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionReminders(Driver driver, Notifications notifications, AccountService accounts, InspectionSettings settings,
                        Clock clock) {
        super("inspection-reminders", "Inspection reminders");
        this.driver = driver;
        this.notifications = notifications;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    public Sent remindDue(LocalDate today) {
        var now = clock.millis();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                GraphLocks.job(tx, "inspection-reminders");
                var deadlines = tx.run("""
                        MATCH (r:Rectification {status: 'ORDERED'}) WHERE r.rectifyBy <= $tomorrow AND r.remindedAt IS NULL
                        WITH r LIMIT 500 SET r.remindedAt = $now
                        RETURN r.id AS id, r.unitId AS unit, r.rectifyBy AS by""",
                        Map.of("tomorrow", today.plusDays(1).toString(), "now", now)).list(r -> r.asMap());
                var visits = tx.run("""
                        MATCH (a:Assignment {kind: 'RETURN_VISIT', status: 'ASSIGNED'})
                        WHERE a.dueFrom <= $today AND a.remindedAt IS NULL
                        WITH a LIMIT 500 SET a.remindedAt = $now
                        RETURN a.id AS id, a.inspectors AS inspectors, a.dueBy AS by""",
                        Map.of("today", today.toString(), "now", now)).list(r -> r);
                var requests = new ArrayList<NotificationRequest>();
                for (var d : deadlines) {
                    for (var username : accounts.usernamesInUnits(List.of((String) d.get("unit")))) {
                        requests.add(NotificationRequest.sensitive(Recipient.account(username), "RECTIFICATION_DUE",
                                Text.of(InspectionTexts.DUE_TITLE), Text.of(InspectionTexts.DUE_BODY, d.get("by")), SubjectType.RECTIFICATION.name(),
                                (String) d.get("id")));
                    }
                }
                for (var v : visits) {
                    for (var username : v.get("inspectors").asList(Value::asString)) {
                        requests.add(NotificationRequest.sensitive(Recipient.account(username), "RETURN_VISIT_DUE",
                                Text.of(InspectionTexts.RETURN_VISIT_DUE_TITLE), Text.of(InspectionTexts.RETURN_VISIT_DUE_BODY, v.get("by").asString()),
                                SubjectType.ASSIGNMENT.name(),
                                v.get("id").asString()));
                    }
                }
                notifications.enqueue(tx, requests);
                return new Sent(deadlines.size(), visits.size());
            });
        }
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
