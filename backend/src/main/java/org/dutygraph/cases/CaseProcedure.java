package org.dutygraph.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dutygraph.cases.CaseViews.Audience;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.Statement;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.complaints.WorkingCalendar;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.stereotype.Service;

/**
 * The procedure: registered, investigating (deadline in working days), decided (a measure in the situation's range,
 * or outside it with a written reason), notified, appealed (once, within the period, decided by the level above),
 * executed, closed; or dismissed. Every step is recorded with who and when.
 */
@Service
public class CaseProcedure {

    public record Advance(
            String id,
            String action,
            String situationCode,
            String postId,
            String badgeNumber,
            Integer workingDays,
            String measure,
            String reason,
            String outOfRangeReason,
            String outcome,
            String note,
            Boolean wideAdverseEffect,
            Boolean seriousHarm) {}

    public record Result(CaseView acase, List<UserError> errors) {}

    private static final int MAX_TEXT = 2000;
    private static final Set<String> OUTCOMES = Set.of("UPHELD", "CHANGED");

    private final GraphTransactions graph;
    private final LockStore locks;
    private final CaseStore store;
    private final CaseAudiences audiences;
    private final CaseOpenings openings;
    private final SituationCatalogues catalogues;
    private final WorkingCalendar calendar;
    private final CaseSettings settings;
    private final JointResponsibility joint;
    private final Effects effects;
    private final CasePushes pushes;
    private final Clock clock;

    CaseProcedure(
            GraphTransactions graph,
            LockStore locks,
            CaseStore store,
            CaseAudiences audiences,
            CaseOpenings openings,
            SituationCatalogues catalogues,
            WorkingCalendar calendar,
            CaseSettings settings,
            JointResponsibility joint,
            Effects effects,
            CasePushes pushes,
            Clock clock) {
        this.pushes = pushes;
        this.graph = graph;
        this.locks = locks;
        this.store = store;
        this.audiences = audiences;
        this.openings = openings;
        this.catalogues = catalogues;
        this.calendar = calendar;
        this.settings = settings;
        this.joint = joint;
        this.effects = effects;
        this.clock = clock;
    }

    /** A step of the office (or, for DECIDE_APPEAL, of the level above); a decision's effects delivered after the commit. */
    public Result advance(CaseCaller caller, Advance in) {
        var recorded = new ArrayList<String>();
        var result = step(caller, in, recorded);
        if (!recorded.isEmpty()) {
            effects.deliver(recorded);
        }
        return result;
    }

    private Result step(CaseCaller caller, Advance in, List<String> recorded) {
        return graph.write(() -> {
            locks.node("AccountabilityCase", in.id());
            var found = store.get(in.id(), clock.instant());
            var audience = found.flatMap(c -> audiences.of(caller, c));
            if (audience.isEmpty() || !(audience.get() == Audience.OFFICE || audience.get() == Audience.APPEAL_BOARD)) {
                return refused(CaseTexts.NOT_FOUND.at("input", "id"));
            }
            var c = found.get();
            var errors = new ArrayList<UserError>();
            boolean appealStep = "DECIDE_APPEAL".equals(in.action());
            if (appealStep && audience.get() != Audience.APPEAL_BOARD) {
                return refused(CaseTexts.NOT_APPEAL_BOARD.at("input", "action"));
            }
            if (!appealStep && audience.get() != Audience.OFFICE) {
                return refused(CaseTexts.APPEAL_BOARD_ONLY_APPEALS.at("input", "action"));
            }
            var changes = changes(c, in, errors);
            if (!errors.isEmpty()) {
                return new Result(null, errors);
            }
            long now = clock.millis();
            store.update(c.id(), changes);
            var status = (String) changes.getOrDefault("status", c.status());
            store.addStep(new Step(
                    c.id(),
                    in.action(),
                    status,
                    caller.username(),
                    TimeKeys.utc(now),
                    note(in),
                    TimeKeys.key(now, UUID.randomUUID().toString())));
            if (in.action().equals("DECIDE")) {
                extendToLeaders(c, in, caller.username(), now);
                recorded.addAll(effects.record(new CaseDecided(
                        c.id(),
                        c.number(),
                        c.unitId(),
                        c.post() == null ? null : c.post().id(),
                        c.personId(),
                        in.measure(),
                        clock.instant())));
            }
            var updated = store.get(c.id(), clock.instant()).orElseThrow();
            var notice = switch (in.action()) {
                case "CONFIRM" -> CasePushes.Step.REGISTERED;
                case "DECIDE" -> CasePushes.Step.DECIDED;
                case "DECIDE_APPEAL" -> CasePushes.Step.APPEAL_DECIDED;
                default -> null;
            };
            if (notice != null) {
                pushes.tell(c.id(), updated.personId(), notice);
            }
            return new Result(updated.seenBy(audience.get()), List.of());
        });
    }

    /** The statement (陈述申辩) of the person concerned, while the case is registered or under investigation. */
    public Result statement(CaseCaller caller, String id, String text) {
        return concernedStep(caller, id, "STATEMENT", text, "text", (c, errors) -> {
            if (!Set.of("REGISTERED", "INVESTIGATING").contains(c.status())) {
                errors.add(CaseTexts.WRONG_STATUS.at("input", "caseId"));
            }
            return Map.of();
        });
    }

    /** The appeal of the person concerned: once, after notification, before the appeal period ends. */
    public Result appeal(CaseCaller caller, String id, String grounds) {
        return concernedStep(caller, id, "APPEAL", grounds, "grounds", (c, errors) -> {
            if (c.appeal() != null) {
                errors.add(CaseTexts.ALREADY_APPEALED.at("input", "caseId"));
            } else if (!c.status().equals("NOTIFIED")) {
                errors.add(CaseTexts.WRONG_STATUS.at("input", "caseId"));
            } else if (clock.instant().isAfter(c.appealDueAt().toInstant())) {
                errors.add(CaseTexts.APPEAL_PERIOD_OVER.at("input", "caseId"));
            }
            return Map.of("status", "APPEALED", "appealGrounds", grounds, "appealedAt", clock.millis());
        });
    }

    private interface ConcernedCheck {
        Map<String, Object> changes(CaseView c, List<UserError> errors);
    }

    private Result concernedStep(
            CaseCaller caller, String id, String action, String text, String field, ConcernedCheck check) {
        var errors = new ArrayList<UserError>();
        CaseOpenings.text(text, MAX_TEXT, true, errors, "input", field);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return graph.write(() -> {
            locks.node("AccountabilityCase", id);
            var found = store.get(id, clock.instant());
            if (found.isEmpty()
                    || audiences
                            .of(caller, found.get())
                            .filter(a -> a == Audience.CONCERNED)
                            .isEmpty()) {
                return refused(CaseTexts.NOT_FOUND.at("input", "caseId"));
            }
            var c = found.get();
            var changes = check.changes(c, errors);
            if (!errors.isEmpty()) {
                return new Result(null, errors);
            }
            long now = clock.millis();
            if (!changes.isEmpty()) {
                store.update(id, changes);
            }
            if (action.equals("STATEMENT")) {
                store.addStatement(new Statement(
                        id,
                        text,
                        TimeKeys.utc(now),
                        TimeKeys.key(now, UUID.randomUUID().toString())));
            }
            store.addStep(new Step(
                    id,
                    action,
                    (String) changes.getOrDefault("status", c.status()),
                    caller.username(),
                    TimeKeys.utc(now),
                    null,
                    TimeKeys.key(now, UUID.randomUUID().toString())));
            return new Result(store.get(id, clock.instant()).orElseThrow().seenBy(Audience.CONCERNED), List.of());
        });
    }

    /** Joint responsibility: the rules that fire extend the decided case to the unit's leaders, recorded as a step. */
    private void extendToLeaders(CaseView c, Advance in, String by, long now) {
        joint.onDecision(
                c,
                new JointResponsibility.Facts(
                        Boolean.TRUE.equals(in.wideAdverseEffect()), Boolean.TRUE.equals(in.seriousHarm())),
                by,
                now);
    }

    private static Result refused(UserError error) {
        return new Result(null, List.of(error));
    }

    private static String note(Advance in) {
        return in.note() != null ? in.note() : in.reason();
    }

    /** The properties the step changes, or its problems added to {@code errors}. */
    private Map<String, Object> changes(CaseView c, Advance in, List<UserError> errors) {
        var changes = new HashMap<String, Object>();
        long now = clock.millis();
        var action = in.action() == null ? "" : in.action();
        switch (action) {
            case "CONFIRM" -> {
                expect(c, errors, "DRAFT");
                confirm(c, in, changes, errors);
                changes.put("status", "REGISTERED");
                changes.put("registered", true);
            }
            case "DISMISS" -> {
                expect(c, errors, "DRAFT", "REGISTERED", "INVESTIGATING");
                CaseOpenings.text(in.reason(), MAX_TEXT, true, errors, "input", "reason");
                changes.put("status", "DISMISSED");
                changes.put("dismissReason", in.reason());
                changes.put("closedAt", now);
            }
            case "SUSPEND" -> {
                expect(c, errors, "REGISTERED", "INVESTIGATING");
                if (c.suspendedAt() != null) {
                    errors.add(CaseTexts.ALREADY_SUSPENDED.at("input", "action"));
                }
                changes.put("suspendedAt", now);
            }
            case "START_INVESTIGATION" -> {
                expect(c, errors, "REGISTERED");
                int days = in.workingDays() == null ? settings.investigationWorkingDays() : in.workingDays();
                if (days < 1 || days > 120) {
                    errors.add(CaseTexts.OUT_OF_RANGE.at("input", "workingDays"));
                }
                changes.put("status", "INVESTIGATING");
                changes.put(
                        "investigationDueAt",
                        calendar.due(clock.instant(), days).toEpochMilli());
            }
            case "DECIDE" -> {
                expect(c, errors, "INVESTIGATING");
                decide(c, in, changes, errors);
                changes.put("status", "DECIDED");
                changes.put("decidedAt", now);
            }
            case "NOTIFY" -> {
                expect(c, errors, "DECIDED");
                changes.put("status", "NOTIFIED");
                changes.put("notifiedAt", now);
                changes.put(
                        "appealDueAt",
                        calendar.due(clock.instant(), settings.appealWorkingDays())
                                .toEpochMilli());
            }
            case "DECIDE_APPEAL" -> {
                expect(c, errors, "APPEALED");
                decideAppeal(c, in, changes, errors);
            }
            case "EXECUTE" -> {
                expect(c, errors, "NOTIFIED", "APPEAL_DECIDED");
                if (c.status().equals("NOTIFIED")
                        && !clock.instant().isAfter(c.appealDueAt().toInstant())) {
                    errors.add(CaseTexts.APPEAL_PERIOD_OPEN.at("input", "action"));
                }
                CaseOpenings.text(in.note(), MAX_TEXT, false, errors, "input", "note");
                changes.put("status", "EXECUTED");
                changes.put("executedAt", now);
                changes.put("executionNote", in.note());
            }
            case "CLOSE" -> {
                expect(c, errors, "EXECUTED");
                changes.put("status", "CLOSED");
                changes.put("closedAt", now);
            }
            default -> errors.add(CaseTexts.UNKNOWN_VALUE.at("input", "action"));
        }
        return changes;
    }

    private static void expect(CaseView c, List<UserError> errors, String... statuses) {
        if (!List.of(statuses).contains(c.status())) {
            errors.add(CaseTexts.WRONG_STATUS.at("input", "action"));
        }
    }

    /** A draft confirmed: the office may name the situation, the post or the badge the source did not. */
    private void confirm(CaseView c, Advance in, Map<String, Object> changes, List<UserError> errors) {
        var day = c.actDate();
        if (in.situationCode() != null || c.situation() == null) {
            var catalogue = catalogues.inForce(day);
            var situation = catalogue.flatMap(
                    v -> v.catalogue().situation(in.situationCode() == null ? "" : in.situationCode()));
            if (situation.isEmpty()) {
                errors.add((catalogue.isEmpty() ? CaseTexts.NO_CATALOGUE : CaseTexts.UNKNOWN_SITUATION)
                        .at("input", "situationCode"));
            } else {
                changes.putAll(CaseOpenings.situationProperties(catalogue.get().version(), situation.get()));
            }
        }
        if (in.postId() != null || in.badgeNumber() != null || c.person() == null) {
            var post = in.postId() != null
                    ? in.postId()
                    : in.badgeNumber() != null
                            ? null
                            : c.post() == null ? null : c.post().id();
            var concerned = openings.concerned(post, in.badgeNumber(), day);
            errors.addAll(concerned.errors());
            if (concerned.errors().isEmpty()) {
                changes.putAll(openings.concernedProperties(concerned, day));
            }
        }
    }

    private static void decide(CaseView c, Advance in, Map<String, Object> changes, List<UserError> errors) {
        CaseOpenings.text(in.reason(), MAX_TEXT, true, errors, "input", "reason");
        if (in.measure() == null || !Measures.known(in.measure())) {
            errors.add(CaseTexts.UNKNOWN_MEASURE.at("input", "measure"));
            return;
        }
        boolean inRange = c.situation() != null && situationRange(c).inRange(in.measure());
        if (!inRange) {
            CaseOpenings.text(in.outOfRangeReason(), MAX_TEXT, false, errors, "input", "outOfRangeReason");
            if (in.outOfRangeReason() == null || in.outOfRangeReason().isBlank()) {
                errors.add(CaseTexts.OUT_OF_RANGE_REASON_REQUIRED.at("input", "outOfRangeReason"));
            }
        }
        changes.put("decisionMeasure", in.measure());
        changes.put("decisionInRange", inRange);
        changes.put("decisionReason", in.reason());
        changes.put("outOfRangeReason", inRange ? null : in.outOfRangeReason());
    }

    private void decideAppeal(CaseView c, Advance in, Map<String, Object> changes, List<UserError> errors) {
        if (in.outcome() == null || !OUTCOMES.contains(in.outcome())) {
            errors.add(CaseTexts.UNKNOWN_VALUE.at("input", "outcome"));
        }
        CaseOpenings.text(in.reason(), MAX_TEXT, true, errors, "input", "reason");
        if ("CHANGED".equals(in.outcome()) && (in.measure() == null || !Measures.known(in.measure()))) {
            errors.add(CaseTexts.UNKNOWN_MEASURE.at("input", "measure"));
        }
        changes.put("status", "APPEAL_DECIDED");
        changes.put("appealOutcome", in.outcome());
        changes.put(
                "appealMeasure",
                "CHANGED".equals(in.outcome())
                        ? in.measure()
                        : c.decision() == null ? null : c.decision().measure());
        changes.put("appealReason", in.reason());
        changes.put("appealDecidedAt", clock.millis());
    }

    private static Catalogue.Situation situationRange(CaseView c) {
        return CaseOpenings.asSituation(c.situation());
    }
}
