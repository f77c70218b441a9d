package org.dutygraph.restructuring.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.restructuring.OrgComparison;
import org.dutygraph.restructuring.scenarios.Scenario;
import org.dutygraph.restructuring.scenarios.ScenarioStep;
import org.dutygraph.restructuring.scenarios.Scenarios;
import org.dutygraph.restructuring.scenarios.StepProblem;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Restructuring scenarios and comparisons for admins and analysts. See restructuring.graphqls. */
@Controller
class ScenarioController {

    private final Scenarios scenarios;

    ScenarioController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    record CreateInput(String name, String baseScenarioId) {}

    record AddStepInput(String scenarioId, ScenarioStep step) {}

    record IdInput(String id) {}

    record ShareInput(String id, List<String> usernames) {}

    record Payload(Scenario scenario, List<UserError> errors, List<UserError> warnings) {
        static Payload of(Scenarios.Outcome o) {
            return new Payload(o.scenario(), userErrors(o.errors()), userErrors(o.warnings()));
        }
    }

    record StepRecord(int index, ScenarioStep step, String by, OffsetDateTime at) {}

    record OrgChangeView(long version, String importJobId, long entries, OffsetDateTime at) {}

    record Counts(int units, int posts, int duties, int findings) {
        static Counts of(OrgComparison.State s) {
            return new Counts(s.units(), s.posts(), s.duties(), s.findings().size());
        }
    }

    record AnalysisView(Counts counts, long durationMillis, List<FindingView> findings) {}

    record FindingView(
            String id,
            String kind,
            String severity,
            List<String> unitIds,
            List<String> postIds,
            List<String> dutyIds,
            List<String> powerItemIds,
            String arbiterPostId,
            String explanationZh,
            String explanationEn,
            List<String> evidence,
            List<Finding.RoleEvidence> roleEvidence) {
        static FindingView of(Finding f) {
            return new FindingView(
                    f.id(),
                    f.kind().name(),
                    f.severity().name(),
                    f.units(),
                    f.posts(),
                    f.duties(),
                    f.powerItems(),
                    f.arbiterPostId(),
                    f.explanationZh(),
                    f.explanationEn(),
                    f.evidence(),
                    f.roleEvidence());
        }

        static List<FindingView> of(List<Finding> findings) {
            return findings.stream().map(FindingView::of).toList();
        }
    }

    record PersistingView(FindingView before, FindingView after) {}

    record DutyMoveView(String dutyId, String fromHolderId, String toHolderId) {}

    record StaffingView(
            String unitId, Integer quotaBefore, Integer quotaAfter, Integer filledBefore, Integer filledAfter) {}

    record ComparisonView(
            Counts before,
            Counts after,
            List<FindingView> resolved,
            List<FindingView> created,
            List<PersistingView> persisting,
            List<DutyMoveView> dutiesMoved,
            List<String> dutiesDropped,
            List<String> dutiesAdded,
            List<StaffingView> staffing,
            org.dutygraph.restructuring.SpansOfControl spans) {
        static ComparisonView of(OrgComparison c) {
            return new ComparisonView(
                    Counts.of(c.before()),
                    Counts.of(c.after()),
                    FindingView.of(c.resolved()),
                    FindingView.of(c.created()),
                    c.persisting().stream()
                            .map(p -> new PersistingView(FindingView.of(p.before()), FindingView.of(p.after())))
                            .toList(),
                    c.dutiesMoved().stream()
                            .map(m -> new DutyMoveView(m.duty(), m.from(), m.to()))
                            .toList(),
                    c.dutiesDropped(),
                    c.dutiesAdded(),
                    c.staffing().stream()
                            .map(s -> new StaffingView(
                                    s.unit(), s.quotaBefore(), s.quotaAfter(), s.filledBefore(), s.filledAfter()))
                            .toList(),
                    c.spans());
        }
    }

    @QueryMapping
    Connection<Scenario> scenarios(@Argument Integer first, @Argument String after) {
        return Connection.page(
                first, after, (cursor, limit) -> scenarios.list(username(), cursor, limit), Scenario::id);
    }

    @QueryMapping
    Scenario scenario(@Argument String id) {
        return scenarios.find(id, username());
    }

    @QueryMapping
    ComparisonView compareScenarios(@Argument String beforeId, @Argument String afterId) {
        return ComparisonView.of(scenarios.compare(beforeId, afterId, username()));
    }

    @MutationMapping
    Payload createScenario(@Argument CreateInput input) {
        return Payload.of(scenarios.create(input.name(), input.baseScenarioId(), username()));
    }

    @MutationMapping
    Payload addScenarioStep(@Argument AddStepInput input) {
        return Payload.of(scenarios.addStep(input.scenarioId(), input.step(), username()));
    }

    @MutationMapping
    Payload undoScenarioStep(@Argument IdInput input) {
        return Payload.of(scenarios.undo(input.id(), username()));
    }

    @MutationMapping
    Payload shareScenario(@Argument ShareInput input) {
        return Payload.of(scenarios.share(input.id(), input.usernames(), username()));
    }

    record ApplyPayload(
            Scenario scenario,
            org.dutygraph.org.bundle.ImportJob importJob,
            int triageCarried,
            List<UserError> errors) {}

    @MutationMapping
    ApplyPayload applyScenario(@Argument IdInput input) {
        var applied = scenarios.apply(input.id(), username());
        return new ApplyPayload(
                applied.scenario(), applied.job(), applied.triageCarried(), userErrors(applied.errors()));
    }

    @SchemaMapping(typeName = "Scenario")
    ComparisonView comparisonWithToday(Scenario s) {
        return ComparisonView.of(scenarios.compare(null, s.id(), username()));
    }

    @SchemaMapping(typeName = "Scenario")
    java.util.Map<String, Object> targetBundle(Scenario s) {
        return scenarios.targetBundle(s);
    }

    @SchemaMapping(typeName = "Scenario")
    java.util.Map<String, Object> changeBundle(Scenario s) {
        return scenarios.changeBundle(s);
    }

    @SchemaMapping(typeName = "Scenario")
    List<StepRecord> steps(Scenario s) {
        return IntStream.range(0, s.steps().size())
                .mapToObj(i -> {
                    var step = s.steps().get(i);
                    return new StepRecord(i, step.step(), step.by(), step.at());
                })
                .toList();
    }

    @SchemaMapping(typeName = "Scenario")
    List<OrgChangeView> changedSince(Scenario s) {
        return scenarios.changedSince(s).stream()
                .map(c -> new OrgChangeView(c.version(), c.jobId(), c.entries(), c.at()))
                .toList();
    }

    @SchemaMapping(typeName = "Scenario")
    List<UserError> problems(Scenario s) {
        return userErrors(scenarios.state(s).problems());
    }

    @SchemaMapping(typeName = "Scenario")
    List<UserError> warnings(Scenario s) {
        return userErrors(scenarios.state(s).warnings());
    }

    @SchemaMapping(typeName = "Scenario")
    AnalysisView analysis(Scenario s) {
        var a = scenarios.analyse(s);
        return new AnalysisView(
                Counts.of(a.state()), a.millis(), FindingView.of(a.state().findings()));
    }

    private static List<UserError> userErrors(List<StepProblem> problems) {
        return problems.stream()
                .map(p -> new UserError(p.path(), p.code(), p.message()))
                .toList();
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
