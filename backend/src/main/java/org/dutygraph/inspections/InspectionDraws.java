package org.dutygraph.inspections;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.dutygraph.inspections.InspectionPlans.PlanResult;
import org.dutygraph.inspections.InspectionViews.DrawExclusion;
import org.dutygraph.inspections.InspectionViews.DrawReplay;
import org.dutygraph.inspections.InspectionViews.DrawView;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.inspections.draw.DoubleRandomDraw;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.platform.random.SeededRandom;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * A plan's double-random draw: conflicts decided from the graph, the draw run from the seed, recorded with
 * everything needed to replay it, assignments made and their inspectors told (without content).
 */
@Service
public class InspectionDraws {

    private final Driver driver;
    private final AccountService accounts;
    private final Notifications notifications;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectionDraws(Driver driver, AccountService accounts, Notifications notifications, InspectionAudit audit,
                    InspectionSettings settings, Clock clock) {
        this.driver = driver;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The draws of these plans, by plan id (undrawn plans are absent). */
    public Map<String, DrawView> drawsOf(java.util.Collection<String> planIds) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (d:InspectionDraw) WHERE d.planId IN $ids RETURN d",
                    Map.of("ids", List.copyOf(planIds))).list(r -> drawView(r.get("d").asNode())))
                    .stream().collect(java.util.stream.Collectors.toMap(DrawView::planId, d -> d));
        }
    }

    public PlanResult draw(InspectionCaller caller, String planId, String seed) {
        if (seed != null && (seed.length() < 8 || seed.length() > 128)) {
            return InspectionPlans.failed("INVALID_SEED", Text.of(PlatformTexts.SEED_LENGTH), "input", "seed");
        }
        var drawSeed = seed != null ? seed : SeededRandom.freshSeed();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                GraphLocks.node(tx, "InspectionPlan", planId);
                var found = InspectionPlans.managed(tx, caller, planId);
                if (found.isEmpty()) {
                    return InspectionPlans.failed("NOT_FOUND", Text.of(InspectionTexts.NO_PLAN_YOU_MANAGE, planId), "input", "planId");
                }
                var node = found.get();
                var plan = InspectionStore.plan(node);
                if (plan.status().equals("DRAWN")) {
                    return InspectionPlans.failed("ALREADY_DRAWN", Text.of(InspectionTexts.ALREADY_DRAWN),
                            "input", "planId");
                }
                var pool = node.get("inspectorPool").isNull() ? null : node.get("inspectorPool").asList(Value::asString);
                var inspectors = accounts.withRole(Role.INSPECTOR, pool);
                var excluded = exclusions(tx, plan.scopeUnitIds(), inspectors);
                int count = Math.max(1, (int) Math.ceil(plan.samplingRatio() * plan.scopeUnitIds().size() - 1e-9));
                var inputs = new DoubleRandomDraw.Inputs(drawSeed, plan.scopeUnitIds(),
                        inspectors.stream().map(Account::username).toList(), count, plan.inspectorsPerVisit(), flatten(excluded));
                var result = DoubleRandomDraw.run(inputs);
                if (!result.complete()) {
                    return InspectionPlans.failed("TOO_FEW_INSPECTORS", Text.of(InspectionTexts.TOO_FEW_INSPECTORS, plan.inspectorsPerVisit(),
                            result.shortTarget()), "input", "planId");
                }
                store(tx, caller, plan, inputs, excluded, result);
                return new PlanResult(InspectionStore.plan(InspectionStore.node(tx, "InspectionPlan", planId).orElseThrow()), List.of());
            });
        }
    }

    public Optional<DrawReplay> replay(InspectionCaller caller, String planId) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var plan = InspectionPlans.managed(tx, caller, planId);
                var drawNode = tx.run("MATCH (d:InspectionDraw {planId: $id}) RETURN d", Map.of("id", planId))
                        .list(r -> r.get("d").asNode());
                if (plan.isEmpty() || drawNode.isEmpty()) {
                    return Optional.<DrawReplay>empty();
                }
                var d = drawNode.get(0);
                var view = drawView(d);
                var excluded = new HashMap<String, Set<String>>();
                view.exclusions().forEach(e -> excluded.computeIfAbsent(e.targetId(), k -> new HashSet<>()).add(e.inspector()));
                var replayed = DoubleRandomDraw.run(new DoubleRandomDraw.Inputs(view.seed(), view.candidateTargetIds(),
                        view.candidateInspectors(), d.get("targetCount").asInt(), d.get("perVisit").asInt(), excluded));
                var assigned = tx.run("""
                        MATCH (a:Assignment {planId: $id, kind: 'VISIT'}) RETURN a.targetUnitId AS t, a.inspectors AS i
                        ORDER BY a.drawOrder""", Map.of("id", planId))
                        .list(r -> new DoubleRandomDraw.Visit(r.get("t").asString(), r.get("i").asList(Value::asString)));
                audit.record(tx, caller.username(), "replay-draw", planId, view.id());
                return Optional.of(new DrawReplay(view, replayed.complete() && replayed.visits().equals(assigned)));
            });
        }
    }

    /** target -> inspector -> reason: same unit (either contains the other) or a visit to it in the recent window. */
    private Map<String, Map<String, String>> exclusions(TransactionContext tx, List<String> targets, List<Account> inspectors) {
        var result = new TreeMap<String, Map<String, String>>();
        var people = inspectors.stream().filter(a -> a.unitId() != null)
                .map(a -> Map.of("username", a.username(), "unitId", a.unitId())).toList();
        tx.run("""
                UNWIND $targets AS t
                MATCH (tu:Organization {id: t})
                UNWIND $people AS i
                MATCH (iu:Organization {id: i.unitId})
                WITH t, i, tu, iu WHERE tu = iu OR EXISTS { (tu)-[:PART_OF*1..]->(iu) } OR EXISTS { (iu)-[:PART_OF*1..]->(tu) }
                RETURN t, i.username AS username""", Map.of("targets", targets, "people", people))
                .forEachRemaining(r -> result.computeIfAbsent(r.get("t").asString(), k -> new TreeMap<>())
                        .put(r.get("username").asString(), "SAME_UNIT"));
        long cutoff = clock.instant().minus(java.time.Duration.ofDays(settings.recentVisitDays())).toEpochMilli();
        tx.run("""
                MATCH (a:Assignment) WHERE a.targetUnitId IN $targets AND a.visitedAt >= $cutoff
                UNWIND a.inspectors AS username
                RETURN DISTINCT a.targetUnitId AS t, username""", Map.of("targets", targets, "cutoff", cutoff))
                .forEachRemaining(r -> result.computeIfAbsent(r.get("t").asString(), k -> new TreeMap<>())
                        .putIfAbsent(r.get("username").asString(), "RECENT_VISIT"));
        return result;
    }

    private static Map<String, Set<String>> flatten(Map<String, Map<String, String>> excluded) {
        var flat = new HashMap<String, Set<String>>();
        excluded.forEach((target, byInspector) -> flat.put(target, byInspector.keySet()));
        return flat;
    }

    private void store(TransactionContext tx, InspectionCaller caller, PlanView plan, DoubleRandomDraw.Inputs inputs,
                       Map<String, Map<String, String>> excluded, DoubleRandomDraw.Result result) {
        long now = clock.millis();
        var exclusions = new ArrayList<DrawExclusion>();
        excluded.forEach((t, m) -> m.forEach((i, reason) -> exclusions.add(new DrawExclusion(t, i, reason))));
        var drawId = UUID.randomUUID().toString();
        var draw = new HashMap<String, Object>();
        draw.put("id", drawId);
        draw.put("planId", plan.id());
        draw.put("seed", inputs.seed());
        draw.put("algorithm", DoubleRandomDraw.ALGORITHM);
        draw.put("drawnAt", now);
        draw.put("drawnBy", caller.username());
        draw.put("targets", inputs.targets());
        draw.put("inspectors", inputs.inspectors());
        draw.put("targetCount", inputs.targetCount());
        draw.put("perVisit", inputs.perVisit());
        draw.put("exclusions", InspectionStore.json(exclusions));
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < result.visits().size(); i++) {
            var visit = result.visits().get(i);
            var id = UUID.randomUUID().toString();
            rows.add(Map.of("id", id, "target", visit.targetId(), "inspectors", visit.inspectors(), "order", i,
                    "key", plan.endsOn() + ":" + id));
        }
        tx.run("""
                CREATE (:InspectionDraw {id: $d.id, planId: $d.planId, seed: $d.seed, algorithm: $d.algorithm,
                        drawnAt: $d.drawnAt, drawnBy: $d.drawnBy, candidateTargets: $d.targets,
                        candidateInspectors: $d.inspectors, targetCount: $d.targetCount, perVisit: $d.perVisit,
                        exclusions: $d.exclusions})
                WITH 1 AS one
                MATCH (p:InspectionPlan {id: $d.planId}) SET p.status = 'DRAWN'
                WITH p
                UNWIND $rows AS r
                CREATE (a:Assignment {id: r.id, kind: 'VISIT', status: 'ASSIGNED', planId: p.id, method: p.method,
                        targetUnitId: r.target, inspectors: r.inspectors, dueFrom: p.startsOn, dueBy: p.endsOn,
                        checklist: p.checklist, checklistId: coalesce(p.checklistId, 'plan-' + p.id), drawOrder: r.order,
                        key: r.key})
                WITH a, r UNWIND r.inspectors AS username
                MATCH (acc:Account {username: username}) CREATE (acc)-[:ASSIGNED]->(a)""",
                Map.of("d", draw, "rows", rows)).consume();
        audit.record(tx, caller.username(), "draw", plan.id(), drawId);
        var requests = new ArrayList<NotificationRequest>();
        for (var row : rows) {
            for (var username : (List<?>) row.get("inspectors")) {
                requests.add(NotificationRequest.sensitive(Recipient.account((String) username), "INSPECTION_ASSIGNED",
                        Text.of(InspectionTexts.ASSIGNED_TITLE), Text.of(InspectionTexts.ASSIGNED_BODY, plan.startsOn(), plan.endsOn()),
                        SubjectType.ASSIGNMENT.name(), (String) row.get("id")));
            }
        }
        notifications.enqueue(tx, requests);
    }

    private static DrawView drawView(Node d) {
        List<DrawExclusion> exclusions = InspectionStore.JSON.readValue(d.get("exclusions").asString(),
                new TypeReference<List<DrawExclusion>>() {
                });
        return new DrawView(d.get("id").asString(), d.get("planId").asString(), d.get("seed").asString(),
                d.get("algorithm").asString(), TimeKeys.utc(d.get("drawnAt").asLong()), d.get("drawnBy").asString(),
                d.get("candidateTargets").asList(Value::asString), d.get("candidateInspectors").asList(Value::asString),
                exclusions);
    }

}
