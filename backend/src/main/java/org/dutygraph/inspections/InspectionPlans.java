package org.dutygraph.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Service;

/** Inspection plans of an efficiency office, seen whole by their managers only (the draw: {@link InspectionDraws}). */
@Service
public class InspectionPlans {

    public record CreatePlan(String title, String method, List<String> scopeUnitIds, LocalDate startsOn, LocalDate endsOn,
                             Double samplingRatio, Integer inspectorsPerVisit, List<String> inspectorPool,
                             String checklistTemplateId, List<Item> checklist, List<String> managers) {
    }

    public record PlanResult(PlanView plan, List<UserError> errors) {
    }

    private final Driver driver;
    private final AccountService accounts;
    private final InspectionAudit audit;
    private final InspectionSettings settings;
    private final Clock clock;
    private final Checklists checklists;

    InspectionPlans(Driver driver, AccountService accounts, InspectionAudit audit, InspectionSettings settings, Clock clock,
                    Checklists checklists) {
        this.driver = driver;
        this.checklists = checklists;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public PlanResult create(InspectionCaller caller, CreatePlan input) {
        if (caller.unitId() == null) {
            return failed("NO_OFFICE", Text.of(InspectionTexts.NO_OFFICE), "input");
        }
        var errors = new ArrayList<UserError>();
        var checklist = PlanChecks.check(input, LocalDate.now(clock), checklists, errors);
        var scope = input.scopeUnitIds() == null ? List.<String>of() : input.scopeUnitIds();
        var pool = input.inspectorPool();
        if (pool != null) {
            var known = accounts.withRole(Role.INSPECTOR, pool).stream().map(Account::username).collect(java.util.stream.Collectors.toSet());
            for (int i = 0; i < pool.size(); i++) {
                if (!known.contains(pool.get(i))) {
                    errors.add(UserError.of("UNKNOWN_INSPECTOR", Text.of(InspectionTexts.NOT_AN_INSPECTOR, pool.get(i)),
                            "input", "inspectorPool", String.valueOf(i)));
                }
            }
        }
        var managers = new TreeSet<String>(input.managers() == null ? List.of() : input.managers());
        managers.add(caller.username());
        var colleagues = accounts.withRole(Role.INSPECTOR, managers).stream()
                .filter(a -> caller.unitId().equals(a.unitId())).map(Account::username).collect(java.util.stream.Collectors.toSet());
        var named = input.managers() == null ? List.<String>of() : input.managers();
        for (int i = 0; i < named.size(); i++) {
            if (!colleagues.contains(named.get(i))) {
                errors.add(UserError.of("NOT_OFFICE_MEMBER", Text.of(InspectionTexts.NOT_OFFICE_MEMBER, named.get(i)),
                        "input", "managers", String.valueOf(i)));
            }
        }
        if (!errors.isEmpty()) {
            return new PlanResult(null, errors);
        }
        var now = clock.millis();
        var id = UUID.randomUUID().toString();
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("title", input.title().strip());
        params.put("method", input.method());
        params.put("office", caller.unitId());
        params.put("startsOn", input.startsOn().toString());
        params.put("endsOn", input.endsOn().toString());
        params.put("ratio", input.samplingRatio());
        params.put("perVisit", input.inspectorsPerVisit() == null ? 2 : input.inspectorsPerVisit());
        params.put("pool", pool == null ? null : List.copyOf(new TreeSet<>(pool)));
        params.put("scope", List.copyOf(new TreeSet<>(scope)));
        params.put("checklist", InspectionStore.json(checklist));
        params.put("checklistId", Checklists.idOf(input.checklistTemplateId(), id));
        params.put("by", caller.username());
        params.put("managers", List.copyOf(managers));
        params.put("now", now);
        params.put("key", TimeKeys.key(now, id));
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var known = tx.run("MATCH (o:Organization) WHERE o.id IN $scope RETURN collect(o.id) AS ids", Map.of("scope", scope))
                        .single().get("ids").asList(Value::asString);
                for (int i = 0; i < scope.size(); i++) {
                    if (!known.contains(scope.get(i))) {
                        errors.add(UserError.of("UNKNOWN_UNIT", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgTexts.UNIT), scope.get(i)),
                                "input", "scopeUnitIds", String.valueOf(i)));
                    }
                }
                if (!errors.isEmpty()) {
                    return new PlanResult(null, errors);
                }
                var node = tx.run("""
                        CREATE (p:InspectionPlan {id: $id, title: $title, method: $method, officeUnitId: $office,
                                startsOn: $startsOn, endsOn: $endsOn, samplingRatio: $ratio, inspectorsPerVisit: $perVisit,
                                inspectorPool: $pool, scopeUnitIds: $scope, checklist: $checklist, checklistId: $checklistId, status: 'DRAFT',
                                createdBy: $by, createdAt: $now, key: $key, managers: $managers})
                        WITH p MATCH (acc:Account) WHERE acc.username IN $managers CREATE (acc)-[:MANAGES]->(p)
                        RETURN DISTINCT p""", params).single().get("p").asNode();
                audit.record(tx, caller.username(), "create", id, id);
                return new PlanResult(InspectionStore.plan(node), List.of());
            });
        }
    }

    /** The plans the caller manages, newest first. */
    public List<PlanView> page(InspectionCaller caller, String before, int limit) {
        if (caller.unitId() == null) {
            return List.of();
        }
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var plans = tx.run("""
                        MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan) WHERE $before IS NULL OR p.key < $before
                        RETURN p ORDER BY p.key DESC LIMIT $limit""",
                        Values.parameters("me", caller.manager(), "before", before, "limit", limit))
                        .list(r -> InspectionStore.plan(r.get("p").asNode()));
                audit.record(tx, caller.username(), "list", plans.stream().map(p -> List.of(p.id(), p.id())).toList());
                return plans;
            });
        }
    }

    /** A plan, to its managers only (anyone else learns nothing, not even that it exists). */
    public Optional<PlanView> read(InspectionCaller caller, String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var plan = managed(tx, caller, id).map(InspectionStore::plan);
                plan.ifPresent(p -> audit.record(tx, caller.username(), "read", p.id(), p.id()));
                return plan;
            });
        }
    }

    /** The plan, if the caller manages it. */
    static Optional<Node> managed(TransactionContext tx, InspectionCaller caller, String planId) {
        return tx.run("MATCH (:Account {username: $me})-[:MANAGES]->(p:InspectionPlan {id: $id}) RETURN p",
                        Values.parameters("me", caller.manager(), "id", planId))
                .list(r -> r.get("p").asNode()).stream().findFirst();
    }

    static PlanResult failed(String code, Text message, String... path) {
        return new PlanResult(null, List.of(UserError.of(code, message, path)));
    }
}
