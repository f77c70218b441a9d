package org.dutygraph.inspections;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.dutygraph.inspections.InspectionDrawStore.NewDraw;
import org.dutygraph.inspections.InspectionDrawStore.NewVisit;
import org.dutygraph.inspections.InspectionPlans.PlanResult;
import org.dutygraph.inspections.InspectionViews.DrawExclusion;
import org.dutygraph.inspections.InspectionViews.DrawReplay;
import org.dutygraph.inspections.InspectionViews.DrawView;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.inspections.draw.DoubleRandomDraw;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.platform.random.SeededRandom;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.stereotype.Service;

/**
 * A plan's double-random draw: conflicts decided from the graph, the draw run from the seed, recorded with
 * everything needed to replay it, assignments made and their inspectors told (without content).
 */
@Service
public class InspectionDraws {

    private final GraphTransactions graph;
    private final LockStore locks;
    private final InspectionPlanStore plans;
    private final InspectionDrawStore draws;
    private final AccountService accounts;
    private final Notifications notifications;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionDraws(
            GraphTransactions graph,
            LockStore locks,
            InspectionPlanStore plans,
            InspectionDrawStore draws,
            AccountService accounts,
            Notifications notifications,
            InspectionAudit audit,
            InspectionSettings settings,
            Clock clock) {
        this.graph = graph;
        this.locks = locks;
        this.plans = plans;
        this.draws = draws;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The draws of these plans, by plan id (undrawn plans are absent). */
    public Map<String, DrawView> drawsOf(Collection<String> planIds) {
        return draws.ofPlans(planIds);
    }

    public PlanResult draw(InspectionCaller caller, String planId, String seed) {
        if (seed != null && (seed.length() < 8 || seed.length() > 128)) {
            return InspectionPlans.failed("INVALID_SEED", Text.of(PlatformTexts.SEED_LENGTH), "input", "seed");
        }
        var drawSeed = seed != null ? seed : SeededRandom.freshSeed();
        return graph.write(() -> {
            locks.node("InspectionPlan", planId);
            var found = plans.managed(caller.manager(), planId);
            if (found.isEmpty()) {
                return InspectionPlans.failed(
                        "NOT_FOUND", Text.of(InspectionTexts.NO_PLAN_YOU_MANAGE, planId), "input", "planId");
            }
            var plan = found.get();
            if (plan.status().equals("DRAWN")) {
                return InspectionPlans.failed(
                        "ALREADY_DRAWN", Text.of(InspectionTexts.ALREADY_DRAWN), "input", "planId");
            }
            var inspectors = accounts.withRole(Role.INSPECTOR, plans.inspectorPool(planId));
            var excluded = exclusions(plan.scopeUnitIds(), inspectors);
            int count = Math.max(1, (int)
                    Math.ceil(plan.samplingRatio() * plan.scopeUnitIds().size() - 1e-9));
            var inputs = new DoubleRandomDraw.Inputs(
                    drawSeed,
                    plan.scopeUnitIds(),
                    inspectors.stream().map(Account::username).toList(),
                    count,
                    plan.inspectorsPerVisit(),
                    flatten(excluded));
            var result = DoubleRandomDraw.run(inputs);
            if (!result.complete()) {
                return InspectionPlans.failed(
                        "TOO_FEW_INSPECTORS",
                        Text.of(InspectionTexts.TOO_FEW_INSPECTORS, plan.inspectorsPerVisit(), result.shortTarget()),
                        "input",
                        "planId");
            }
            record(caller, plan, inputs, excluded, result);
            return new PlanResult(plans.byId(planId).orElseThrow(), List.of());
        });
    }

    public Optional<DrawReplay> replay(InspectionCaller caller, String planId) {
        return graph.write(() -> {
            var plan = plans.managed(caller.manager(), planId);
            var recorded = draws.ofPlan(planId);
            if (plan.isEmpty() || recorded.isEmpty()) {
                return Optional.<DrawReplay>empty();
            }
            var view = recorded.get().view();
            var excluded = new HashMap<String, Set<String>>();
            view.exclusions()
                    .forEach(e -> excluded.computeIfAbsent(e.targetId(), k -> new HashSet<>())
                            .add(e.inspector()));
            var replayed = DoubleRandomDraw.run(new DoubleRandomDraw.Inputs(
                    view.seed(),
                    view.candidateTargetIds(),
                    view.candidateInspectors(),
                    recorded.get().targetCount(),
                    recorded.get().perVisit(),
                    excluded));
            var assigned = draws.drawnVisits(planId);
            audit.record(caller.username(), "replay-draw", planId, view.id());
            return Optional.of(new DrawReplay(
                    view, replayed.complete() && replayed.visits().equals(assigned)));
        });
    }

    /** target -> inspector -> reason: same unit (either contains the other) or a visit to it in the recent window. */
    private Map<String, Map<String, String>> exclusions(List<String> targets, List<Account> inspectors) {
        var result = new TreeMap<String, Map<String, String>>();
        for (var e : draws.sameUnit(targets, inspectors)) {
            result.computeIfAbsent(e.targetId(), k -> new TreeMap<>()).put(e.inspector(), e.reason());
        }
        long cutoff = clock.instant()
                .minus(Duration.ofDays(settings.recentVisitDays()))
                .toEpochMilli();
        for (var e : draws.recentVisits(targets, cutoff)) {
            result.computeIfAbsent(e.targetId(), k -> new TreeMap<>()).putIfAbsent(e.inspector(), e.reason());
        }
        return result;
    }

    private static Map<String, Set<String>> flatten(Map<String, Map<String, String>> excluded) {
        var flat = new HashMap<String, Set<String>>();
        excluded.forEach((target, byInspector) -> flat.put(target, byInspector.keySet()));
        return flat;
    }

    private void record(
            InspectionCaller caller,
            PlanView plan,
            DoubleRandomDraw.Inputs inputs,
            Map<String, Map<String, String>> excluded,
            DoubleRandomDraw.Result result) {
        var exclusions = new ArrayList<DrawExclusion>();
        excluded.forEach((t, m) -> m.forEach((i, reason) -> exclusions.add(new DrawExclusion(t, i, reason))));
        var drawId = UUID.randomUUID().toString();
        var visits = new ArrayList<NewVisit>();
        for (int i = 0; i < result.visits().size(); i++) {
            var visit = result.visits().get(i);
            var id = UUID.randomUUID().toString();
            visits.add(new NewVisit(id, visit.targetId(), visit.inspectors(), i, plan.endsOn() + ":" + id));
        }
        draws.record(
                new NewDraw(
                        drawId,
                        plan.id(),
                        inputs.seed(),
                        DoubleRandomDraw.ALGORITHM,
                        clock.millis(),
                        caller.username(),
                        inputs.targets(),
                        inputs.inspectors(),
                        inputs.targetCount(),
                        inputs.perVisit(),
                        exclusions),
                visits);
        audit.record(caller.username(), "draw", plan.id(), drawId);
        notifications.enqueue(visits.stream()
                .flatMap(v -> v.inspectors().stream()
                        .map(username -> NotificationRequest.sensitive(
                                Recipient.account(username),
                                NotificationEvent.INSPECTION_ASSIGNED,
                                Text.of(InspectionTexts.ASSIGNED_TITLE),
                                Text.of(InspectionTexts.ASSIGNED_BODY, plan.startsOn(), plan.endsOn()),
                                SubjectType.ASSIGNMENT.name(),
                                v.id())))
                .toList());
    }
}
