package org.dutygraph.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.inspections.InspectionAudit.Subject;
import org.dutygraph.inspections.InspectionPlanStore.NewPlan;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.stereotype.Service;

/** Inspection plans of an efficiency office, seen whole by their managers only (the draw: {@link InspectionDraws}). */
@Service
public class InspectionPlans {

    public record CreatePlan(
            String title,
            String method,
            List<String> scopeUnitIds,
            LocalDate startsOn,
            LocalDate endsOn,
            Double samplingRatio,
            Integer inspectorsPerVisit,
            List<String> inspectorPool,
            String checklistTemplateId,
            List<Item> checklist,
            List<String> managers) {}

    public record PlanResult(PlanView plan, List<UserError> errors) {}

    private final GraphTransactions graph;
    private final InspectionPlanStore plans;
    private final InspectionReferenceStore known;
    private final AccountService accounts;
    private final InspectionAudit audit;
    private final Clock clock;
    private final Checklists checklists;

    InspectionPlans(
            GraphTransactions graph,
            InspectionPlanStore plans,
            InspectionReferenceStore known,
            AccountService accounts,
            InspectionAudit audit,
            Clock clock,
            Checklists checklists) {
        this.checklists = checklists;
        this.graph = graph;
        this.plans = plans;
        this.known = known;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public PlanResult create(InspectionCaller caller, CreatePlan input) {
        if (caller.unitId() == null) {
            return failed("NO_OFFICE", Text.of(InspectionTexts.NO_OFFICE), "input");
        }
        var errors = new ArrayList<UserError>();
        var checklist = PlanChecks.check(input, LocalDate.now(clock), checklists, errors);
        checkPool(input.inspectorPool(), errors);
        var managers = managers(caller, input.managers(), errors);
        if (!errors.isEmpty()) {
            return new PlanResult(null, errors);
        }
        var plan = newPlan(caller, input, checklist, managers);
        return graph.write(() -> {
            unknownUnits(input.scopeUnitIds(), errors);
            if (!errors.isEmpty()) {
                return new PlanResult(null, errors);
            }
            var created = plans.create(plan);
            audit.record(caller.username(), "create", plan.id(), plan.id());
            return new PlanResult(created, List.of());
        });
    }

    private void checkPool(List<String> pool, List<UserError> errors) {
        if (pool == null) {
            return;
        }
        var inspectors = usernames(accounts.withRole(Role.INSPECTOR, pool));
        for (int i = 0; i < pool.size(); i++) {
            if (!inspectors.contains(pool.get(i))) {
                errors.add(UserError.of(
                        "UNKNOWN_INSPECTOR",
                        Text.of(InspectionTexts.NOT_AN_INSPECTOR, pool.get(i)),
                        "input",
                        "inspectorPool",
                        String.valueOf(i)));
            }
        }
    }

    /** The plan's managers: the caller and the inspectors of the caller's office they name. */
    private TreeSet<String> managers(InspectionCaller caller, List<String> named, List<UserError> errors) {
        var managers = new TreeSet<String>(named == null ? List.of() : named);
        managers.add(caller.username());
        var colleagues = usernames(accounts.withRole(Role.INSPECTOR, managers).stream()
                .filter(a -> caller.unitId().equals(a.unitId()))
                .toList());
        var names = named == null ? List.<String>of() : named;
        for (int i = 0; i < names.size(); i++) {
            if (!colleagues.contains(names.get(i))) {
                errors.add(UserError.of(
                        "NOT_OFFICE_MEMBER",
                        Text.of(InspectionTexts.NOT_OFFICE_MEMBER, names.get(i)),
                        "input",
                        "managers",
                        String.valueOf(i)));
            }
        }
        return managers;
    }

    private NewPlan newPlan(InspectionCaller caller, CreatePlan input, List<Item> checklist, TreeSet<String> managers) {
        var now = clock.millis();
        var id = UUID.randomUUID().toString();
        var pool = input.inspectorPool() == null ? null : List.copyOf(new TreeSet<>(input.inspectorPool()));
        return new NewPlan(
                id,
                input.title().strip(),
                input.method(),
                caller.unitId(),
                input.startsOn(),
                input.endsOn(),
                input.samplingRatio(),
                input.inspectorsPerVisit() == null ? 2 : input.inspectorsPerVisit(),
                pool,
                List.copyOf(new TreeSet<>(input.scopeUnitIds())),
                checklist,
                Checklists.idOf(input.checklistTemplateId(), id),
                caller.username(),
                List.copyOf(managers),
                now,
                TimeKeys.key(now, id));
    }

    private void unknownUnits(List<String> scope, List<UserError> errors) {
        var units = known.units(scope);
        for (int i = 0; i < scope.size(); i++) {
            if (!units.contains(scope.get(i))) {
                errors.add(UserError.of(
                        "UNKNOWN_UNIT",
                        Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgNouns.UNIT), scope.get(i)),
                        "input",
                        "scopeUnitIds",
                        String.valueOf(i)));
            }
        }
    }

    /** The plans the caller manages, newest first. */
    public List<PlanView> page(InspectionCaller caller, String before, int limit) {
        if (caller.unitId() == null) {
            return List.of();
        }
        return graph.write(() -> {
            var page = plans.managedPage(caller.manager(), before, limit);
            audit.record(
                    caller.username(),
                    "list",
                    page.stream().map(p -> new Subject(p.id(), p.id())).toList());
            return page;
        });
    }

    /** A plan, to its managers only (anyone else learns nothing, not even that it exists). */
    public Optional<PlanView> read(InspectionCaller caller, String id) {
        return graph.write(() -> {
            var plan = plans.managed(caller.manager(), id);
            plan.ifPresent(p -> audit.record(caller.username(), "read", p.id(), p.id()));
            return plan;
        });
    }

    static PlanResult failed(String code, Text message, String... path) {
        return new PlanResult(null, List.of(UserError.of(code, message, path)));
    }

    private static Set<String> usernames(List<Account> accounts) {
        return accounts.stream().map(Account::username).collect(Collectors.toSet());
    }
}
