package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dutygraph.platform.jobs.PeriodicJob;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.security.AccountService;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;

/**
 * Overdue complaints go up the chain of units above the handling unit, one level per overdue working
 * day, and the staff there and the efficiency office are notified. Also drops uploaded photos that no
 * complaint claimed within a day.
 */
@Component
public class ComplaintEscalator extends PeriodicJob {

    private static final Duration ORPHAN_PHOTOS = Duration.ofDays(1);

    private final Driver driver;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;
    private final ComplaintNotices notices;
    private final AccountService accounts;
    private final ComplaintOffice office;
    private final Clock clock;

    ComplaintEscalator(Driver driver, WorkingCalendar calendar, ComplaintSettings settings, ComplaintNotices notices,
                       AccountService accounts, ComplaintOffice office, Clock clock) {
        super("complaint-escalator", "Complaint escalation");
        this.driver = driver;
        this.calendar = calendar;
        this.settings = settings;
        this.notices = notices;
        this.accounts = accounts;
        this.office = office;
        this.clock = clock;
    }

    record Escalation(String id, String number, String unitId, String pushKey) {
    }

    /** Escalates every complaint overdue at {@code now}; returns them. */
    public List<Escalation> escalateDue(Instant now) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                // Several instances may run this: the lock makes the second wait and then find nothing due.
                GraphLocks.job(tx, "complaint-escalation");
                var escalated = tx.run("""
                        MATCH (c:Complaint) WHERE c.nextEscalationAt <= $now AND c.status <> 'PUBLISHED'
                        WITH c ORDER BY c.nextEscalationAt LIMIT 500
                        OPTIONAL MATCH path = (:Organization {id: c.routedUnitId})-[:PART_OF*1..]->(up:Organization)
                        WITH c, up ORDER BY length(path)
                        WITH c, [u IN collect(up) | u.id] AS chain
                        WITH c, CASE WHEN size(chain) = 0 THEN null
                                     ELSE chain[CASE WHEN c.escalations < size(chain) THEN c.escalations ELSE size(chain) - 1 END]
                                END AS target
                        SET c.escalations = c.escalations + 1, c.nextEscalationAt = $next, c.escalatedToUnitId = target
                        CREATE (:ComplaintStep {id: randomUUID(), complaintId: c.id, status: c.status, by: 'system',
                                note: 'overdue: escalated to ' + coalesce(target, 'the efficiency office'), at: $now})
                        RETURN c.id AS id, c.number AS number, target, c.pushKey AS pushKey""",
                        Map.of("now", now.toEpochMilli(), "next", calendar.due(now, 1).toEpochMilli()))
                        .list(r -> new Escalation(r.get("id").asString(), r.get("number").asString(), r.get("target").asString(null),
                                r.get("pushKey").asString(null)));
                // an overdue case is still open: its followers must keep getting its updates
                notices.keepFollowing(tx, escalated.stream().map(Escalation::pushKey).toList());
                // looked up only when something is overdue: this runs every minute
                var officeUsernames = escalated.isEmpty() ? List.<String>of() : List.copyOf(office.usernames());
                for (var e : escalated) {
                    var recipients = new java.util.TreeSet<>(officeUsernames);
                    if (e.unitId() != null) {
                        recipients.addAll(accounts.usernamesInUnits(List.of(e.unitId())));
                    }
                    notices.handlers(tx, recipients, "COMPLAINT_OVERDUE", "投诉逾期督办 " + e.number(),
                            "该投诉已逾期，已报上级督办。", e.id());
                }
                return escalated;
            });
        }
    }

    int dropOrphanPhotos(Instant now) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (p:Photo) WHERE p.complaintId IS NULL AND p.uploadedAt < $cutoff
                    WITH p LIMIT 1000 DELETE p RETURN count(*) AS c""",
                    Map.of("cutoff", now.minus(ORPHAN_PHOTOS).toEpochMilli())).single().get("c").asInt());
        }
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
