package org.dutygraph.inspections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.security.AccountService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * After a finding: the office confirms (a rectification order with a deadline goes to the unit, a return
 * visit by the same inspectors is scheduled) or rejects it; the unit responds; the return visit, due only after
 * the deadline, closes the order or escalates it; measures are recorded along the accountability chain.
 */
@Service
public class FindingReview {

    public record Reviewed(FindingView finding, List<UserError> errors) {
    }

    public record Rectified(RectificationView rectification, List<UserError> errors) {
    }

    public record Measured(AccountabilityChains.Chain chain, List<UserError> errors) {
    }

    private final Driver driver;
    private final InspectionQueries queries;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Notifications notifications;
    private final AccountService accounts;
    private final AccountabilityChains chains;
    private final ApplicationEventPublisher events;
    private final Effects effects;
    private final Clock clock;

    FindingReview(Driver driver, InspectionQueries queries, InspectionAudit audit, InspectionSettings settings,
                  Notifications notifications, AccountService accounts, AccountabilityChains chains,
                  ApplicationEventPublisher events, Effects effects, Clock clock) {
        this.driver = driver;
        this.queries = queries;
        this.audit = audit;
        this.settings = settings;
        this.notifications = notifications;
        this.accounts = accounts;
        this.chains = chains;
        this.events = events;
        this.effects = effects;
        this.clock = clock;
    }

    public Reviewed review(InspectionCaller caller, String id, String decision, String reason, LocalDate rectifyBy) {
        var today = queries.today();
        if (reason != null && reason.length() > 2000) {
            return new Reviewed(null, List.of(UserError.of("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "reason", 2000), "input",
                    "reason")));
        }
        if (decision.equals("REJECT") && (reason == null || reason.isBlank())) {
            return new Reviewed(null, List.of(UserError.of("REASON_REQUIRED", Text.of(InspectionTexts.REASON_REQUIRED), "input", "reason")));
        }
        if (decision.equals("CONFIRM") && (rectifyBy == null || !rectifyBy.isAfter(today))) {
            return new Reviewed(null, List.of(UserError.of("INVALID_DEADLINE",
                    Text.of(InspectionTexts.DEADLINE_AFTER_TODAY, today), "input", "rectifyBy")));
        }
        var now = clock.millis();
        Reviewed result;
        var confirmed = new AtomicReference<InspectionFindingConfirmed>();
        var effectIds = new AtomicReference<List<String>>(List.of());
        try (var session = driver.session()) {
            result = session.executeWrite(tx -> {
                confirmed.set(null); // the driver may retry this function: only the committed attempt counts
                GraphLocks.node(tx, "InspectionFinding", id);
                var finding = queries.visibleFinding(tx, caller, id).filter(f -> manages(tx, caller, f.planId()));
                if (finding.isEmpty()) {
                    return new Reviewed(null, List.of(UserError.of("NOT_FOUND", Text.of(InspectionTexts.NO_FINDING_YOU_MANAGE, id),
                            "input", "id")));
                }
                var f = finding.get();
                if (!f.status().equals("RECORDED")) {
                    return new Reviewed(null, List.of(UserError.of("ALREADY_REVIEWED", Text.of(InspectionTexts.ALREADY_REVIEWED,
                            status(f.status())), "input", "id")));
                }
                tx.run("""
                        MATCH (f:InspectionFinding {id: $id})
                        SET f.status = $status, f.reviewReason = $reason, f.reviewedBy = $by, f.reviewedAt = $now""",
                        Values.parameters("id", id, "status", decision.equals("CONFIRM") ? "CONFIRMED" : "REJECTED",
                                "reason", reason, "by", caller.username(), "now", now)).consume();
                if (decision.equals("CONFIRM")) {
                    order(tx, f, rectifyBy, now);
                }
                audit.record(tx, caller.username(), decision.equals("CONFIRM") ? "confirm-finding" : "reject-finding",
                        f.planId(), f.id());
                var reviewed = InspectionStore.finding(InspectionStore.node(tx, "InspectionFinding", id).orElseThrow());
                if (reviewed.status().equals("CONFIRMED")) {
                    // its effects on other features (appraisal) commit with it; delivered below, or later if that fails
                    confirmed.set(new InspectionFindingConfirmed(reviewed.id(), reviewed.planId(), reviewed.targetUnitId(),
                            reviewed.normCode(), postOf(tx, reviewed), reviewed.badgeNumber(), Instant.ofEpochMilli(now)));
                    effectIds.set(effects.record(tx, confirmed.get()));
                }
                return new Reviewed(reviewed, List.of());
            });
        }
        if (confirmed.get() != null) {
            effects.deliver(effectIds.get());
            events.publishEvent(confirmed.get());
        }
        return result;
    }

    /** The rectification order to the unit and the return visit by the inspectors who found it. */
    private void order(TransactionContext tx, FindingView f, LocalDate rectifyBy, long now) {
        var rectificationId = UUID.randomUUID().toString();
        var returnVisitId = UUID.randomUUID().toString();
        var returnBy = rectifyBy.plusDays(settings.returnVisitAfterDays());
        var inspectors = tx.run("""
                MATCH (a:Assignment {id: $assignment})
                CREATE (r:Rectification {id: $rid, findingId: $finding, planId: a.planId, unitId: a.targetUnitId,
                        status: 'ORDERED', rectifyBy: $rectifyBy, orderedAt: $now, returnVisitId: $vid, key: $key})
                CREATE (v:Assignment {id: $vid, kind: 'RETURN_VISIT', status: 'ASSIGNED', planId: a.planId,
                        method: a.method, targetUnitId: a.targetUnitId, inspectors: a.inspectors,
                        dueFrom: $dueFrom, dueBy: $dueBy, checklist: a.checklist, checklistId: a.checklistId,
                        rectificationId: $rid,
                        key: $dueBy + ':' + $vid})
                WITH a, v UNWIND a.inspectors AS username
                MATCH (acc:Account {username: username}) CREATE (acc)-[:ASSIGNED]->(v)
                RETURN collect(username) AS inspectors""",
                Values.parameters("assignment", f.assignmentId(), "rid", rectificationId, "finding", f.id(),
                        "rectifyBy", rectifyBy.toString(), "now", now, "vid", returnVisitId,
                        "key", org.dutygraph.platform.graphql.TimeKeys.key(now, rectificationId),
                        "dueFrom", rectifyBy.plusDays(1).toString(), "dueBy", returnBy.toString()))
                .single().get("inspectors").asList(Value::asString);
        var requests = new ArrayList<NotificationRequest>();
        for (var username : accounts.usernamesInUnits(List.of(f.targetUnitId()))) {
            requests.add(NotificationRequest.sensitive(Recipient.account(username), "RECTIFICATION_ORDERED",
                    Text.of(InspectionTexts.ORDERED_TITLE), Text.of(InspectionTexts.ORDERED_BODY, rectifyBy),
                    SubjectType.RECTIFICATION.name(), rectificationId));
        }
        for (var username : inspectors) {
            requests.add(NotificationRequest.sensitive(Recipient.account(username), "RETURN_VISIT_SCHEDULED",
                    Text.of(InspectionTexts.RETURN_VISIT_SCHEDULED_TITLE), Text.of(InspectionTexts.RETURN_VISIT_SCHEDULED_BODY, returnBy),
                    SubjectType.ASSIGNMENT.name(), returnVisitId));
        }
        notifications.enqueue(tx, requests);
    }

    public Rectified respond(InspectionCaller caller, String id, String response) {
        if (response == null || response.isBlank() || response.length() > 5000) {
            return rectFailed("INVALID_TEXT", Text.of(PlatformTexts.LENGTH_BETWEEN, "response", 1, 5000), "response");
        }
        return changeRectification(caller, id, false, (tx, r, now) -> {
            if (!List.of("ORDERED", "ESCALATED").contains(r.get("status").asString())) {
                return List.of(UserError.of("NOT_OPEN", Text.of(InspectionTexts.ORDER_NOT_OPEN, status(r.get("status").asString())),
                        "input", "id"));
            }
            tx.run("""
                    MATCH (r:Rectification {id: $id})
                    SET r.status = 'RESPONDED', r.response = $response, r.respondedBy = $by, r.respondedAt = $now""",
                    Map.of("id", id, "response", response.strip(), "by", caller.username(), "now", now)).consume();
            notifyOffice(tx, r.get("planId").asString(), "RECTIFICATION_RESPONDED", Text.of(InspectionTexts.RESPONDED_BODY), id);
            return List.of();
        });
    }

    public Rectified returnVisit(InspectionCaller caller, String id, boolean fixed, String note) {
        if (note != null && note.length() > 2000) {
            return rectFailed("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "note", 2000), "note");
        }
        return changeRectification(caller, id, true, (tx, r, now) -> {
            if (r.get("status").asString().equals("CLOSED")) {
                return List.of(UserError.of("NOT_OPEN", Text.of(InspectionTexts.ORDER_CLOSED), "input", "rectificationId"));
            }
            var rectifyBy = LocalDate.parse(r.get("rectifyBy").asString());
            if (!queries.today().isAfter(rectifyBy)) {
                return List.of(UserError.of("RETURN_VISIT_NOT_DUE", Text.of(InspectionTexts.RETURN_VISIT_NOT_DUE, rectifyBy,
                        rectifyBy.plusDays(1)), "input", "rectificationId"));
            }
            tx.run("""
                    MATCH (r:Rectification {id: $id})
                    SET r.status = $status, r.returnVisitNote = $note, r.closedAt = CASE WHEN $fixed THEN $now END,
                        r.returnVisitBy = $by, r.returnVisitAt = $now
                    WITH r MATCH (v:Assignment {id: r.returnVisitId}) SET v.status = 'VISITED', v.visitedAt = $now""",
                    Values.parameters("id", id, "status", fixed ? "CLOSED" : "ESCALATED", "note", note, "fixed", fixed,
                            "now", now, "by", caller.username())).consume();
            if (!fixed) {
                escalate(tx, r.get("planId").asString(), r.get("unitId").asString(), id);
            }
            return List.of();
        });
    }

    /** Not fixed on the return visit: the unit above and the office are told. */
    private void escalate(TransactionContext tx, String planId, String unitId, String rectificationId) {
        var parents = tx.run("MATCH (:Organization {id: $id})-[:PART_OF]->(p:Organization) RETURN p.id AS id",
                Map.of("id", unitId)).list(r -> r.get("id").asString());
        var requests = new ArrayList<NotificationRequest>();
        for (var username : accounts.usernamesInUnits(parents)) {
            requests.add(NotificationRequest.sensitive(Recipient.account(username), "RECTIFICATION_ESCALATED",
                    Text.of(InspectionTexts.NOT_FIXED_TITLE), Text.of(InspectionTexts.NOT_FIXED_BODY), SubjectType.RECTIFICATION.name(),
                    rectificationId));
        }
        notifications.enqueue(tx, requests);
        notifyOffice(tx, planId, "RECTIFICATION_ESCALATED", Text.of(InspectionTexts.NOT_FIXED_OFFICE_BODY), rectificationId);
    }

    private void notifyOffice(TransactionContext tx, String planId, String kind, Text body, String rectificationId) {
        var managers = tx.run("MATCH (p:InspectionPlan {id: $id}) RETURN p.managers AS managers", Map.of("id", planId))
                .single().get("managers").asList(Value::asString);
        notifications.enqueue(tx, managers.stream()
                .map(u -> NotificationRequest.sensitive(Recipient.account(u), kind, Text.of(InspectionTexts.RECTIFICATION_TITLE), body,
                        SubjectType.RECTIFICATION.name(),
                        rectificationId)).toList());
    }

    interface Change {
        List<UserError> apply(TransactionContext tx, org.neo4j.driver.types.Node rectification, long now);
    }

    /**
     * Locks the order and checks who may change it: unit staff of its unit (or a unit above) to respond;
     * the return visit's inspectors or the plan's managers for the return visit.
     */
    private Rectified changeRectification(InspectionCaller caller, String id, boolean inspectorSide, Change change) {
        var field = inspectorSide ? "rectificationId" : "id";
        var now = clock.millis();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                GraphLocks.node(tx, "Rectification", id);
                var allowed = tx.run(inspectorSide ? """
                        MATCH (r:Rectification {id: $id}) MATCH (p:InspectionPlan {id: r.planId})
                        WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) }
                           OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: r.returnVisitId}) }
                        RETURN r""" : """
                        MATCH (r:Rectification {id: $id})
                        WHERE EXISTS { (:Organization {id: r.unitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
                        RETURN r""", Values.parameters("id", id, "unit", caller.unitId(), "me", caller.username()))
                        .list(r -> r.get("r").asNode());
                if (allowed.isEmpty()) {
                    return rectFailed("NOT_FOUND", Text.of(InspectionTexts.NO_ORDER_YOU_ACT_ON, id), field);
                }
                var r = allowed.get(0);
                var errors = change.apply(tx, r, now);
                if (!errors.isEmpty()) {
                    return new Rectified(null, errors);
                }
                audit.record(tx, caller.username(), inspectorSide ? "return-visit" : "respond", r.get("planId").asString(), id);
                var updated = InspectionStore.node(tx, "Rectification", id).orElseThrow();
                return new Rectified(InspectionStore.rectification(updated, queries.today()), List.of());
            });
        }
    }

    public Measured recordMeasure(InspectionCaller caller, String findingId, String postId, String measure, String note) {
        if (note != null && note.length() > 2000) {
            return new Measured(null, List.of(UserError.of("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "note", 2000), "input", "note")));
        }
        try (var session = driver.session()) {
            var errors = session.executeWrite(tx -> {
                var finding = queries.visibleFinding(tx, caller, findingId).filter(f -> manages(tx, caller, f.planId()));
                if (finding.isEmpty()) {
                    return List.of(UserError.of("NOT_FOUND", Text.of(InspectionTexts.NO_FINDING_YOU_MANAGE, findingId),
                            "input", "findingId"));
                }
                if (!finding.get().status().equals("CONFIRMED")) {
                    return List.of(UserError.of("NOT_CONFIRMED", Text.of(InspectionTexts.NOT_CONFIRMED), "input", "findingId"));
                }
                var chain = chainOf(finding.get());
                if (chain.links().stream().noneMatch(l -> l.post().id().equals(postId))) {
                    return List.of(UserError.of("NOT_ON_CHAIN", Text.of(InspectionTexts.NOT_ON_CHAIN, postId),
                            "input", "postId"));
                }
                chains.record(tx, "InspectionFinding", findingId, postId, measure, note, caller.username());
                audit.record(tx, caller.username(), "record-measure", finding.get().planId(), findingId);
                return List.<UserError>of();
            });
            if (!errors.isEmpty()) {
                return new Measured(null, errors);
            }
        }
        return new Measured(chain(caller, findingId).orElseThrow(), List.of());
    }

    /** The chain of a finding of a plan the caller manages; empty when it names no post or badge held today. */
    public java.util.Optional<AccountabilityChains.Chain> chain(InspectionCaller caller, String findingId) {
        try (var session = driver.session()) {
            var finding = session.executeRead(tx -> queries.visibleFinding(tx, caller, findingId)
                    .filter(f -> manages(tx, caller, f.planId())));
            return finding.map(this::chainOf);
        }
    }

    private AccountabilityChains.Chain chainOf(FindingView f) {
        return chains.chain(postOf(f), f.id());
    }

    /** The post a finding names, or the one its badge's person holds today. */
    private String postOf(FindingView f) {
        if (f.postId() != null) {
            return f.postId();
        }
        return f.badgeNumber() == null ? null : chains.postOfBadge(f.badgeNumber()).orElse(null);
    }

    private String postOf(TransactionContext tx, FindingView f) {
        if (f.postId() != null) {
            return f.postId();
        }
        return f.badgeNumber() == null ? null : chains.postOfBadge(tx, f.badgeNumber()).orElse(null);
    }

    private static boolean manages(TransactionContext tx, InspectionCaller caller, String planId) {
        return InspectionPlans.managed(tx, caller, planId).isPresent();
    }

    private static Rectified rectFailed(String code, Text message, String field) {
        return new Rectified(null, List.of(UserError.of(code, message, "input", field)));
    }

    /** A finding's or an order's status, named in the reader's language. */
    private static Text status(String status) {
        return Text.of(switch (status) {
            case "CONFIRMED" -> InspectionTexts.STATUS_CONFIRMED;
            case "REJECTED" -> InspectionTexts.STATUS_REJECTED;
            case "RESPONDED" -> InspectionTexts.STATUS_RESPONDED;
            case "ESCALATED" -> InspectionTexts.STATUS_ESCALATED;
            case "CLOSED" -> InspectionTexts.STATUS_CLOSED;
            default -> InspectionTexts.STATUS_ORDERED;
        });
    }
}
