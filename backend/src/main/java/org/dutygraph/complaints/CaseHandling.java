package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.security.AccountService;
import org.neo4j.driver.Driver;
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
    record Transition(Set<String> from, String to, boolean officeOnly) {
    }

    static final Map<String, Transition> TRANSITIONS = Map.of(
            "REGISTER", new Transition(Set.of("RECEIVED"), "REGISTERED", true),
            "ASSIGN", new Transition(Set.of("REGISTERED", "REOPENED"), "ASSIGNED", true),
            "START_INVESTIGATION", new Transition(Set.of("ASSIGNED"), "INVESTIGATING", false),
            "CONCLUDE", new Transition(Set.of("INVESTIGATING"), "CONCLUDED", false),
            "ANSWER", new Transition(Set.of("CONCLUDED"), "ANSWERED", false),
            "PUBLISH", new Transition(Set.of("ANSWERED"), "PUBLISHED", true),
            "REOPEN", new Transition(Set.of("ANSWERED", "PUBLISHED"), "REOPENED", true));

    public record Advance(String id, String action, String unitId, String conclusion, Boolean serious, String answer,
                          String note) {
    }

    public record Advanced(HandlerView complaint, List<UserError> errors) {
    }

    public record Sent(MessageView message, List<UserError> errors) {
    }

    private final ComplaintStore store;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;
    private final ComplaintNotices notices;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Driver driver;
    private final Effects effects;
    private final Clock clock;

    CaseHandling(ComplaintStore store, WorkingCalendar calendar, ComplaintSettings settings, ComplaintNotices notices,
                 AccountService accounts, ApplicationEventPublisher events, Driver driver, Effects effects, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
        this.notices = notices;
        this.accounts = accounts;
        this.events = events;
        this.driver = driver;
        this.effects = effects;
        this.clock = clock;
    }

    public Optional<HandlerView> read(HandlerScope scope, String id) {
        var now = clock.instant();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var view = store.read(tx, scope, id, now);
                view.ifPresent(v -> store.audit(tx, scope.username(), "read", List.of(v.id()), now));
                return view;
            });
        }
    }

    public List<HandlerView> page(HandlerScope scope, List<String> statuses, String unitId, boolean triageOnly,
                                  boolean overdueOnly, String before, int limit) {
        var filter = new HashMap<String, Object>();
        filter.put("statuses", statuses);
        filter.put("filterUnit", unitId);
        filter.put("triageOnly", triageOnly);
        filter.put("overdueOnly", overdueOnly);
        return store.page(scope, filter, before, limit, clock.instant());
    }

    public Advanced advance(HandlerScope scope, Advance a) {
        var transition = TRANSITIONS.get(a.action());
        if (transition.officeOnly() && !scope.office()) {
            return failed("NOT_ALLOWED", "Only the efficiency office may " + a.action().toLowerCase().replace('_', ' '), "action");
        }
        if (a.action().equals("CONCLUDE") && a.conclusion() == null) {
            return failed("REQUIRED", "Say whether the complaint was substantiated", "conclusion");
        }
        if (a.action().equals("ANSWER") && (a.answer() == null || a.answer().isBlank() || a.answer().length() > 5000)) {
            return failed("REQUIRED", "'answer' must be 1 to 5000 characters: it is what the citizen reads", "answer");
        }
        if (a.note() != null && a.note().length() > 2000) {
            return failed("TOO_LONG", "'note' is at most 2000 characters", "note");
        }
        var now = clock.instant();
        var concluded = new AtomicReference<ComplaintConcluded>();
        var effectIds = new AtomicReference<List<String>>(List.of());
        try (var session = driver.session()) {
            var result = session.executeWrite(tx -> {
                concluded.set(null); // the driver may retry this function: only the committed attempt counts
                // Write-lock the complaint first, so that the status read next is the latest: two handlers acting
                // at once are serialised and the second sees what the first did.
                GraphLocks.node(tx, "Complaint", a.id());
                var current = store.read(tx, scope, a.id(), now);
                if (current.isEmpty()) {
                    return failed("NOT_FOUND", "No complaint you may handle has id '" + a.id() + "'", "id");
                }
                var c = current.get();
                if (!transition.from().contains(c.status())) {
                    return failed("INVALID_TRANSITION", a.action() + " does not apply to a complaint that is " + c.status()
                            + "; it applies to " + transition.from(), "action");
                }
                var unit = a.action().equals("ASSIGN") ? (a.unitId() != null ? a.unitId() : c.routedUnitId()) : c.routedUnitId();
                if (a.action().equals("ASSIGN") && (unit == null || store.existing(tx, "Organization", List.of(unit)).isEmpty())) {
                    return failed(unit == null ? "REQUIRED" : "NOT_FOUND", "Name the unit that investigates", "unitId");
                }
                var days = settings.workingDaysIn(transition.to());
                var params = new HashMap<String, Object>();
                params.put("id", c.id());
                params.put("from", c.status());
                params.put("to", transition.to());
                params.put("unit", unit);
                params.put("conclusion", a.action().equals("CONCLUDE") ? a.conclusion() : c.conclusion());
                params.put("serious", a.action().equals("CONCLUDE") ? Boolean.TRUE.equals(a.serious())
                        && a.conclusion().equals("SUBSTANTIATED") : c.serious());
                params.put("answer", a.action().equals("ANSWER") ? a.answer().strip() : c.answer());
                params.put("due", days == null ? null : calendar.due(now, days).toEpochMilli());
                params.put("now", now.toEpochMilli());
                params.put("by", scope.username());
                params.put("note", a.note());
                var changed = tx.run("""
                        MATCH (c:Complaint {id: $id}) WHERE c.status = $from
                        SET c.status = $to, c.conclusion = $conclusion, c.serious = $serious, c.answer = $answer,
                            c.dueAt = $due, c.nextEscalationAt = $due, c.concludedAt = CASE WHEN $to = 'CONCLUDED' THEN $now ELSE c.concludedAt END
                        WITH c
                        CALL (c) {
                          WITH c WHERE c.routedUnitId IS NULL OR c.routedUnitId <> $unit
                          OPTIONAL MATCH (c)-[old:ROUTED_TO]->() DELETE old
                          WITH DISTINCT c
                          MATCH (o:Organization {id: $unit}) CREATE (c)-[:ROUTED_TO]->(o) SET c.routedUnitId = $unit
                        }
                        CREATE (s:ComplaintStep {id: randomUUID(), complaintId: c.id, status: $to, by: $by, note: $note, at: $now})
                        // each round's outcome stays on its step, so that after a reopen the citizen sees it as superseded
                        SET s.conclusion = CASE WHEN $to = 'CONCLUDED' THEN $conclusion END,
                            s.answer = CASE WHEN $to = 'ANSWERED' THEN $answer END
                        RETURN c.pushKey AS pushKey""", params).list();
                if (changed.isEmpty()) {
                    return failed("CONFLICT", "Someone else changed this complaint just now; reload it", "id");
                }
                store.audit(tx, scope.username(), "advance:" + a.action(), List.of(c.id()), now);
                // every step changes what the citizen sees (status, timeline, due date): tell a follower each time
                notices.citizen(tx, changed.get(0).get("pushKey").asString(null));
                if (a.action().equals("ASSIGN")) {
                    notices.handlers(tx, accounts.usernamesInUnits(List.of(unit)), "COMPLAINT_ASSIGNED",
                            "投诉交办 " + c.number(), "请在期限内调查处理。", c.id());
                }
                var advanced = store.read(tx, scope, c.id(), now).orElseThrow();
                if (a.action().equals("CONCLUDE")) {
                    // its effects on other features (appraisal) commit with it; delivered below, or later if that fails
                    concluded.set(concluded(advanced, now));
                    effectIds.set(effects.record(tx, concluded.get()));
                }
                return new Advanced(advanced, List.of());
            });
            if (result.errors().isEmpty() && concluded.get() != null) {
                effects.deliver(effectIds.get());
                events.publishEvent(concluded.get());
            }
            return result;
        }
    }

    public Sent sendMessage(HandlerScope scope, String id, String body) {
        if (body == null || body.isBlank() || body.strip().length() > 2000) {
            return new Sent(null, List.of(UserError.of("INVALID_LENGTH", "'body' must be 1 to 2000 characters", "input", "body")));
        }
        var now = clock.instant();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var c = store.read(tx, scope, id, now);
                if (c.isEmpty()) {
                    return new Sent(null, List.of(UserError.of("NOT_FOUND", "No complaint you may handle has id '" + id + "'",
                            "input", "id")));
                }
                var message = store.addMessage(tx, id, "HANDLER", scope.username(), body.strip(), now);
                store.audit(tx, scope.username(), "message", List.of(id), now);
                notices.citizen(tx, store.ref(tx, "c.id = $v", id).map(ComplaintStore.CaseRef::pushKey).orElse(null));
                return new Sent(message, List.of());
            });
        }
    }

    private static ComplaintConcluded concluded(HandlerView c, Instant now) {
        return new ComplaintConcluded(c.id(), c.number(), c.routedUnitId(), c.target().postId(),
                c.target().badgeNumber(), c.category(), c.conclusion(), c.serious(),
                c.occurredAt() == null ? null : c.occurredAt().toInstant(), now);
    }

    private static Advanced failed(String code, String message, String field) {
        return new Advanced(null, List.of(UserError.of(code, message, "input", field)));
    }
}
