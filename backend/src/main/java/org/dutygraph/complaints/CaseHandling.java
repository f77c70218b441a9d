package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.security.AccountService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The case handlers' side: reading (always audited), the lifecycle, messages to the citizen. The
 * efficiency office registers, assigns, publishes and reopens; the handling unit investigates,
 * concludes and answers (the office may do that too).
 */
@Service
public class CaseHandling {

    /** action -> (statuses it applies to, the status it leads to). */
    record Transition(Set<String> from, String to, boolean officeOnly) {}

    static final Map<String, Transition> TRANSITIONS = Map.of(
            "REGISTER", new Transition(Set.of("RECEIVED"), "REGISTERED", true),
            "ASSIGN", new Transition(Set.of("REGISTERED", "REOPENED"), "ASSIGNED", true),
            "START_INVESTIGATION", new Transition(Set.of("ASSIGNED"), "INVESTIGATING", false),
            "CONCLUDE", new Transition(Set.of("INVESTIGATING"), "CONCLUDED", false),
            "ANSWER", new Transition(Set.of("CONCLUDED"), "ANSWERED", false),
            "PUBLISH", new Transition(Set.of("ANSWERED"), "PUBLISHED", true),
            "REOPEN", new Transition(Set.of("ANSWERED", "PUBLISHED"), "REOPENED", true));

    public record Advance(
            String id, String action, String unitId, String conclusion, Boolean serious, String answer, String note) {}

    public record Advanced(HandlerView complaint, List<UserError> errors) {}

    public record Sent(MessageView message, List<UserError> errors) {}

    /** What an advance did inside its transaction: the answer, and the conclusion to deliver after the commit. */
    private record Outcome(Advanced advanced, ComplaintConcluded concluded, List<String> effectIds) {

        static Outcome refused(Advanced refusal) {
            return new Outcome(refusal, null, List.of());
        }
    }

    private final ComplaintStore store;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;
    private final ComplaintNotices notices;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Effects effects;
    private final Clock clock;

    CaseHandling(
            ComplaintStore store,
            GraphTransactions graph,
            LockStore locks,
            WorkingCalendar calendar,
            ComplaintSettings settings,
            ComplaintNotices notices,
            AccountService accounts,
            ApplicationEventPublisher events,
            Effects effects,
            Clock clock) {
        this.store = store;
        this.graph = graph;
        this.locks = locks;
        this.calendar = calendar;
        this.settings = settings;
        this.notices = notices;
        this.accounts = accounts;
        this.events = events;
        this.effects = effects;
        this.clock = clock;
    }

    public Optional<HandlerView> read(HandlerScope scope, String id) {
        var now = clock.instant();
        return graph.write(() -> {
            var view = store.read(scope, id, now);
            view.ifPresent(v -> store.audit(scope.username(), "read", List.of(v.id()), now));
            return view;
        });
    }

    /** A page of the complaints the scope may see, newest first; each one listed is audited as listed. */
    public List<HandlerView> page(
            HandlerScope scope,
            List<String> statuses,
            String unitId,
            boolean triageOnly,
            boolean overdueOnly,
            String before,
            int limit) {
        var filter = new ComplaintStore.HandlerFilter(statuses, unitId, triageOnly, overdueOnly);
        var now = clock.instant();
        return graph.write(() -> {
            var views = store.page(scope, filter, before, limit, now);
            store.audit(
                    scope.username(),
                    "list",
                    views.stream().map(HandlerView::id).toList(),
                    now);
            return views;
        });
    }

    public Advanced advance(HandlerScope scope, Advance a) {
        var transition = TRANSITIONS.get(a.action());
        var refusal = refusal(scope, a, transition);
        if (refusal != null) {
            return refusal;
        }
        var now = clock.instant();
        // retried as a whole on a transient failure: only the committed attempt's outcome is returned
        var outcome = graph.write(() -> advanceLocked(scope, a, transition, now));
        if (outcome.concluded() != null) {
            effects.deliver(outcome.effectIds());
            events.publishEvent(outcome.concluded());
        }
        return outcome.advanced();
    }

    /** What is wrong with the request before the case is read; null when nothing is. */
    private static Advanced refusal(HandlerScope scope, Advance a, Transition transition) {
        if (transition.officeOnly() && !scope.office()) {
            return failed(
                    "NOT_ALLOWED",
                    Text.of(
                            ComplaintTexts.OFFICE_ONLY,
                            a.action(),
                            a.action().toLowerCase().replace('_', ' ')),
                    "action");
        }
        if (a.action().equals("CONCLUDE") && a.conclusion() == null) {
            return failed("REQUIRED", Text.of(ComplaintTexts.SAY_SUBSTANTIATED), "conclusion");
        }
        if (a.action().equals("ANSWER")
                && (a.answer() == null || a.answer().isBlank() || a.answer().length() > 5000)) {
            return failed("REQUIRED", Text.of(ComplaintTexts.ANSWER_LENGTH), "answer");
        }
        if (a.note() != null && a.note().length() > 2000) {
            return failed("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "note", 2000), "note");
        }
        return null;
    }

    private Outcome advanceLocked(HandlerScope scope, Advance a, Transition transition, Instant now) {
        // Write-lock the complaint first, so that the status read next is the latest: two handlers acting
        // at once are serialised and the second sees what the first did.
        locks.node("Complaint", a.id());
        var current = store.read(scope, a.id(), now);
        if (current.isEmpty()) {
            return Outcome.refused(failed("NOT_FOUND", Text.of(ComplaintTexts.NO_COMPLAINT_YOU_HANDLE, a.id()), "id"));
        }
        var c = current.get();
        if (!transition.from().contains(c.status())) {
            return Outcome.refused(failed(
                    "INVALID_TRANSITION",
                    Text.of(ComplaintTexts.INVALID_TRANSITION, a.action(), c.status(), transition.from()),
                    "action"));
        }
        var unit =
                a.action().equals("ASSIGN") ? (a.unitId() != null ? a.unitId() : c.routedUnitId()) : c.routedUnitId();
        if (a.action().equals("ASSIGN") && (unit == null || !store.unitExists(unit))) {
            return Outcome.refused(failed(
                    unit == null ? "REQUIRED" : "NOT_FOUND",
                    Text.of(ComplaintTexts.NAME_INVESTIGATING_UNIT),
                    "unitId"));
        }
        var applied = store.apply(step(scope, a, transition, c, unit, now));
        if (applied.isEmpty()) {
            return Outcome.refused(failed("CONFLICT", Text.of(ComplaintTexts.CHANGED_MEANWHILE), "id"));
        }
        store.audit(scope.username(), "advance:" + a.action(), List.of(c.id()), now);
        // every step changes what the citizen sees (status, timeline, due date): tell a follower each time
        notices.citizen(applied.get().pushKey());
        if (a.action().equals("ASSIGN")) {
            notices.handlers(
                    accounts.usernamesInUnits(List.of(unit)),
                    NotificationEvent.COMPLAINT_ASSIGNED,
                    Text.of(ComplaintTexts.ASSIGNED_TITLE, c.number()),
                    Text.of(ComplaintTexts.ASSIGNED_BODY),
                    c.id());
        }
        return advanced(store.read(scope, c.id(), now).orElseThrow(), a, now);
    }

    /** The step the action makes: the new status and deadline, the unit, and the outcome so far. */
    private ComplaintStore.StepChange step(
            HandlerScope scope, Advance a, Transition transition, HandlerView c, String unit, Instant now) {
        var days = settings.workingDaysIn(transition.to());
        var concluding = a.action().equals("CONCLUDE");
        return new ComplaintStore.StepChange(
                c.id(),
                c.status(),
                transition.to(),
                unit,
                concluding ? a.conclusion() : c.conclusion(),
                concluding ? Boolean.TRUE.equals(a.serious()) && a.conclusion().equals("SUBSTANTIATED") : c.serious(),
                a.action().equals("ANSWER") ? a.answer().strip() : c.answer(),
                days == null ? null : calendar.due(now, days),
                now,
                scope.username(),
                a.note());
    }

    /** A conclusion's effects on other features (appraisal) commit with it; delivered after the commit, or later. */
    private Outcome advanced(HandlerView advanced, Advance a, Instant now) {
        if (!a.action().equals("CONCLUDE")) {
            return new Outcome(new Advanced(advanced, List.of()), null, List.of());
        }
        var concluded = concluded(advanced, now);
        return new Outcome(new Advanced(advanced, List.of()), concluded, effects.record(concluded));
    }

    public Sent sendMessage(HandlerScope scope, String id, String body) {
        if (body == null || body.isBlank() || body.strip().length() > 2000) {
            return new Sent(
                    null,
                    List.of(UserError.of("INVALID_LENGTH", Text.of(ComplaintTexts.MESSAGE_LENGTH), "input", "body")));
        }
        var now = clock.instant();
        return graph.write(() -> {
            var c = store.read(scope, id, now);
            if (c.isEmpty()) {
                return new Sent(
                        null,
                        List.of(UserError.of(
                                "NOT_FOUND", Text.of(ComplaintTexts.NO_COMPLAINT_YOU_HANDLE, id), "input", "id")));
            }
            var message = store.addMessage(id, "HANDLER", scope.username(), body.strip(), now);
            store.audit(scope.username(), "message", List.of(id), now);
            notices.citizen(
                    store.followKey(id).map(ComplaintStore.FollowKey::pushKey).orElse(null));
            return new Sent(message, List.of());
        });
    }

    private static ComplaintConcluded concluded(HandlerView c, Instant now) {
        return new ComplaintConcluded(
                c.id(),
                c.number(),
                c.routedUnitId(),
                c.target().postId(),
                c.target().badgeNumber(),
                c.category(),
                c.conclusion(),
                c.serious(),
                c.occurredAt() == null ? null : c.occurredAt().toInstant(),
                now);
    }

    private static Advanced failed(String code, Text message, String field) {
        return new Advanced(null, List.of(UserError.of(code, message, "input", field)));
    }
}
