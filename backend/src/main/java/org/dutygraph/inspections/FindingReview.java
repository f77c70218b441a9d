package org.dutygraph.inspections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.inspections.RectificationStore.NewOrder;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.security.AccountService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * After a finding: the office confirms (a rectification order with a deadline goes to the unit, a return
 * visit by the same inspectors is scheduled) or rejects it; the unit responds; the return visit, due only after
 * the deadline, closes the order or escalates it; measures are recorded along the accountability chain. Each
 * change is one transaction: the notifications, the effects and the accountability measure commit with it.
 */
@Service
public class FindingReview {

    public record Reviewed(FindingView finding, List<UserError> errors) {}

    public record Rectified(RectificationView rectification, List<UserError> errors) {}

    public record Measured(AccountabilityChains.Chain chain, List<UserError> errors) {}

    /** A committed review and, when it confirmed the finding, the event and its effects to deliver. */
    private record Decided(Reviewed reviewed, InspectionFindingConfirmed confirmed, List<String> effectIds) {

        static Decided refused(String code, Text message) {
            return new Decided(
                    new Reviewed(null, List.of(UserError.of(code, message, "input", "id"))), null, List.of());
        }
    }

    private final GraphTransactions graph;
    private final LockStore locks;
    private final InspectionFindingStore findings;
    private final RectificationStore rectifications;
    private final InspectionPlanStore plans;
    private final InspectionQueries queries;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Notifications notifications;
    private final AccountService accounts;
    private final AccountabilityChains chains;
    private final ApplicationEventPublisher events;
    private final Effects effects;
    private final Clock clock;

    FindingReview(
            GraphTransactions graph,
            LockStore locks,
            InspectionFindingStore findings,
            RectificationStore rectifications,
            InspectionPlanStore plans,
            InspectionQueries queries,
            InspectionAudit audit,
            InspectionSettings settings,
            Notifications notifications,
            AccountService accounts,
            AccountabilityChains chains,
            ApplicationEventPublisher events,
            Effects effects,
            Clock clock) {
        this.graph = graph;
        this.locks = locks;
        this.findings = findings;
        this.rectifications = rectifications;
        this.plans = plans;
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
        var refused = refusedReview(decision, reason, rectifyBy, queries.today());
        if (refused != null) {
            return refused;
        }
        var now = clock.millis();
        var decided = graph.write(() -> decide(caller, id, decision, reason, rectifyBy, now));
        if (decided.confirmed() != null) {
            // its effects on other features (appraisal) committed with it; delivered now, or later if that fails
            effects.deliver(decided.effectIds());
            events.publishEvent(decided.confirmed());
        }
        return decided.reviewed();
    }

    private static Reviewed refusedReview(String decision, String reason, LocalDate rectifyBy, LocalDate today) {
        if (reason != null && reason.length() > 2000) {
            return new Reviewed(
                    null,
                    List.of(UserError.of(
                            "TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "reason", 2000), "input", "reason")));
        }
        if (decision.equals("REJECT") && (reason == null || reason.isBlank())) {
            return new Reviewed(
                    null,
                    List.of(UserError.of(
                            "REASON_REQUIRED", Text.of(InspectionTexts.REASON_REQUIRED), "input", "reason")));
        }
        if (decision.equals("CONFIRM") && (rectifyBy == null || !rectifyBy.isAfter(today))) {
            return new Reviewed(
                    null,
                    List.of(UserError.of(
                            "INVALID_DEADLINE",
                            Text.of(InspectionTexts.DEADLINE_AFTER_TODAY, today),
                            "input",
                            "rectifyBy")));
        }
        return null;
    }

    private Decided decide(
            InspectionCaller caller, String id, String decision, String reason, LocalDate rectifyBy, long now) {
        locks.node("InspectionFinding", id);
        var finding = managedFinding(caller, id);
        if (finding.isEmpty()) {
            return Decided.refused("NOT_FOUND", Text.of(InspectionTexts.NO_FINDING_YOU_MANAGE, id));
        }
        var f = finding.get();
        if (!f.status().equals("RECORDED")) {
            return Decided.refused("ALREADY_REVIEWED", Text.of(InspectionTexts.ALREADY_REVIEWED, status(f.status())));
        }
        var confirm = decision.equals("CONFIRM");
        findings.review(id, confirm ? "CONFIRMED" : "REJECTED", reason, caller.username(), now);
        if (confirm) {
            order(f, rectifyBy, now);
        }
        audit.record(caller.username(), confirm ? "confirm-finding" : "reject-finding", f.planId(), f.id());
        var reviewed = findings.byId(id).orElseThrow();
        if (!reviewed.status().equals("CONFIRMED")) {
            return new Decided(new Reviewed(reviewed, List.of()), null, List.of());
        }
        var confirmed = new InspectionFindingConfirmed(
                reviewed.id(),
                reviewed.planId(),
                reviewed.targetUnitId(),
                reviewed.normCode(),
                postOf(reviewed),
                reviewed.badgeNumber(),
                Instant.ofEpochMilli(now));
        return new Decided(new Reviewed(reviewed, List.of()), confirmed, effects.record(confirmed));
    }

    /** The rectification order to the unit and the return visit by the inspectors who found it. */
    private void order(FindingView f, LocalDate rectifyBy, long now) {
        var rectificationId = UUID.randomUUID().toString();
        var returnVisitId = UUID.randomUUID().toString();
        var returnBy = rectifyBy.plusDays(settings.returnVisitAfterDays());
        var inspectors = rectifications.order(new NewOrder(
                rectificationId,
                f.id(),
                f.assignmentId(),
                rectifyBy,
                now,
                returnVisitId,
                rectifyBy.plusDays(1),
                returnBy,
                TimeKeys.key(now, rectificationId)));
        var requests = new ArrayList<NotificationRequest>();
        for (var username : accounts.usernamesInUnits(List.of(f.targetUnitId()))) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username),
                    NotificationEvent.RECTIFICATION_ORDERED,
                    Text.of(InspectionTexts.ORDERED_TITLE),
                    Text.of(InspectionTexts.ORDERED_BODY, rectifyBy),
                    SubjectType.RECTIFICATION.name(),
                    rectificationId));
        }
        for (var username : inspectors) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username),
                    NotificationEvent.RETURN_VISIT_SCHEDULED,
                    Text.of(InspectionTexts.RETURN_VISIT_SCHEDULED_TITLE),
                    Text.of(InspectionTexts.RETURN_VISIT_SCHEDULED_BODY, returnBy),
                    SubjectType.ASSIGNMENT.name(),
                    returnVisitId));
        }
        notifications.enqueue(requests);
    }

    public Rectified respond(InspectionCaller caller, String id, String response) {
        if (response == null || response.isBlank() || response.length() > 5000) {
            return rectFailed("INVALID_TEXT", Text.of(PlatformTexts.LENGTH_BETWEEN, "response", 1, 5000), "response");
        }
        return changeRectification(caller, id, false, (r, now) -> {
            if (!List.of("ORDERED", "ESCALATED").contains(r.status())) {
                return List.of(UserError.of(
                        "NOT_OPEN", Text.of(InspectionTexts.ORDER_NOT_OPEN, status(r.status())), "input", "id"));
            }
            rectifications.respond(id, response.strip(), caller.username(), now);
            notifyOffice(
                    r.planId(), NotificationEvent.RECTIFICATION_RESPONDED, Text.of(InspectionTexts.RESPONDED_BODY), id);
            return List.of();
        });
    }

    public Rectified returnVisit(InspectionCaller caller, String id, boolean fixed, String note) {
        if (note != null && note.length() > 2000) {
            return rectFailed("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "note", 2000), "note");
        }
        return changeRectification(caller, id, true, (r, now) -> {
            if (r.status().equals("CLOSED")) {
                return List.of(
                        UserError.of("NOT_OPEN", Text.of(InspectionTexts.ORDER_CLOSED), "input", "rectificationId"));
            }
            var rectifyBy = r.rectifyBy();
            if (!queries.today().isAfter(rectifyBy)) {
                return List.of(UserError.of(
                        "RETURN_VISIT_NOT_DUE",
                        Text.of(InspectionTexts.RETURN_VISIT_NOT_DUE, rectifyBy, rectifyBy.plusDays(1)),
                        "input",
                        "rectificationId"));
            }
            rectifications.returnVisit(id, fixed, note, caller.username(), now);
            if (!fixed) {
                escalate(r.planId(), r.unitId(), id);
            }
            return List.of();
        });
    }

    /** Not fixed on the return visit: the unit above and the office are told. */
    private void escalate(String planId, String unitId, String rectificationId) {
        var requests = new ArrayList<NotificationRequest>();
        for (var username : accounts.usernamesInUnits(rectifications.parentUnits(unitId))) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username),
                    NotificationEvent.RECTIFICATION_ESCALATED,
                    Text.of(InspectionTexts.NOT_FIXED_TITLE),
                    Text.of(InspectionTexts.NOT_FIXED_BODY),
                    SubjectType.RECTIFICATION.name(),
                    rectificationId));
        }
        notifications.enqueue(requests);
        notifyOffice(
                planId,
                NotificationEvent.RECTIFICATION_ESCALATED,
                Text.of(InspectionTexts.NOT_FIXED_OFFICE_BODY),
                rectificationId);
    }

    private void notifyOffice(String planId, NotificationEvent kind, Text body, String rectificationId) {
        notifications.enqueue(plans.managers(planId).stream()
                .map(u -> NotificationRequest.sensitive(
                        Recipient.account(u),
                        kind,
                        Text.of(InspectionTexts.RECTIFICATION_TITLE),
                        body,
                        SubjectType.RECTIFICATION.name(),
                        rectificationId))
                .toList());
    }

    private interface Change {
        List<UserError> apply(RectificationView order, long now);
    }

    /**
     * Locks the order and checks who may change it: unit staff of its unit (or a unit above) to respond;
     * the return visit's inspectors or the plan's managers for the return visit.
     */
    private Rectified changeRectification(InspectionCaller caller, String id, boolean inspectorSide, Change change) {
        var field = inspectorSide ? "rectificationId" : "id";
        var now = clock.millis();
        return graph.write(() -> {
            locks.node("Rectification", id);
            var today = queries.today();
            var order = inspectorSide
                    ? rectifications.ofInspector(caller.username(), id, today)
                    : rectifications.ofUnit(caller.unitId(), id, today);
            if (order.isEmpty()) {
                return rectFailed("NOT_FOUND", Text.of(InspectionTexts.NO_ORDER_YOU_ACT_ON, id), field);
            }
            var errors = change.apply(order.get(), now);
            if (!errors.isEmpty()) {
                return new Rectified(null, errors);
            }
            audit.record(
                    caller.username(),
                    inspectorSide ? "return-visit" : "respond",
                    order.get().planId(),
                    id);
            return new Rectified(rectifications.byId(id, queries.today()).orElseThrow(), List.of());
        });
    }

    /** Records the measure and answers the chain with it, in one transaction. */
    public Measured recordMeasure(
            InspectionCaller caller, String findingId, String postId, String measure, String note) {
        if (note != null && note.length() > 2000) {
            return new Measured(
                    null,
                    List.of(UserError.of(
                            "TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "note", 2000), "input", "note")));
        }
        return graph.write(() -> {
            var finding = managedFinding(caller, findingId);
            if (finding.isEmpty()) {
                return measureFailed(
                        "NOT_FOUND", Text.of(InspectionTexts.NO_FINDING_YOU_MANAGE, findingId), "findingId");
            }
            if (!finding.get().status().equals("CONFIRMED")) {
                return measureFailed("NOT_CONFIRMED", Text.of(InspectionTexts.NOT_CONFIRMED), "findingId");
            }
            if (chainOf(finding.get()).links().stream()
                    .noneMatch(l -> l.post().id().equals(postId))) {
                return measureFailed("NOT_ON_CHAIN", Text.of(InspectionTexts.NOT_ON_CHAIN, postId), "postId");
            }
            chains.record("InspectionFinding", findingId, postId, measure, note, caller.username());
            audit.record(caller.username(), "record-measure", finding.get().planId(), findingId);
            return new Measured(chainOf(finding.get()), List.of());
        });
    }

    /** The chain of a finding of a plan the caller manages; empty when it names no post or badge held today. */
    public Optional<AccountabilityChains.Chain> chain(InspectionCaller caller, String findingId) {
        return graph.read(() -> managedFinding(caller, findingId).map(this::chainOf));
    }

    /** The whole finding, if the caller may see it and manages its plan. */
    private Optional<FindingView> managedFinding(InspectionCaller caller, String id) {
        return findings.visible(caller, id)
                .filter(f -> plans.managed(caller.manager(), f.planId()).isPresent());
    }

    private AccountabilityChains.Chain chainOf(FindingView f) {
        return chains.chain(postOf(f), f.id());
    }

    /** The post a finding names, or the one its badge's person holds today. */
    private String postOf(FindingView f) {
        if (f.postId() != null) {
            return f.postId();
        }
        return f.badgeNumber() == null
                ? null
                : chains.postOfBadge(f.badgeNumber()).orElse(null);
    }

    private static Measured measureFailed(String code, Text message, String field) {
        return new Measured(null, List.of(UserError.of(code, message, "input", field)));
    }

    private static Rectified rectFailed(String code, Text message, String field) {
        return new Rectified(null, List.of(UserError.of(code, message, "input", field)));
    }

    /** A finding's or an order's status, named in the reader's language. */
    private static Text status(String status) {
        return Text.of(
                switch (status) {
                    case "CONFIRMED" -> InspectionTexts.STATUS_CONFIRMED;
                    case "REJECTED" -> InspectionTexts.STATUS_REJECTED;
                    case "RESPONDED" -> InspectionTexts.STATUS_RESPONDED;
                    case "ESCALATED" -> InspectionTexts.STATUS_ESCALATED;
                    case "CLOSED" -> InspectionTexts.STATUS_CLOSED;
                    default -> InspectionTexts.STATUS_ORDERED;
                });
    }
}
