package org.dutygraph.conflicts.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.dutygraph.conflicts.AnalysisJob;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.conflicts.ConflictTexts;
import org.dutygraph.conflicts.FindingAudience;
import org.dutygraph.conflicts.FindingStore;
import org.dutygraph.conflicts.FindingView;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.BatchResults;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.Role;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Findings, their triage, per-unit counts and analysis runs. Who may call: see conflicts.graphqls. */
@Controller
class FindingsController {

    private final FindingStore store;
    private final ConflictAnalysisService analysis;
    private final OrgReadStore graph;
    private final FindingAudience audience;

    FindingsController(
            FindingStore store, ConflictAnalysisService analysis, OrgReadStore graph, FindingAudience audience) {
        this.store = store;
        this.analysis = analysis;
        this.graph = graph;
        this.audience = audience;
    }

    private FindingAudience.Scope scope() {
        return audience.of(SecurityContextHolder.getContext().getAuthentication());
    }

    record FindingFilter(
            List<String> kinds,
            List<String> severities,
            List<String> statuses,
            String unitId,
            Boolean includeInactive,
            Boolean regressionsOnly) {}

    record RunAnalysisInput(Integer waitSeconds) {}

    /** analysisJob is null exactly when the call was refused: then errors say why and no analysis was started. */
    record RunAnalysisPayload(AnalysisJob analysisJob, List<UserError> errors) {}

    record TriageFindingInput(String id, String action, String reason) {}

    record TriageFindingPayload(FindingView finding, List<UserError> errors) {}

    @QueryMapping
    Connection<FindingView> findings(@Argument FindingFilter filter, @Argument Integer first, @Argument String after) {
        var f = filter == null ? new FindingFilter(null, null, null, null, false, false) : filter;
        var scope = scope();
        if (f.unitId() != null && !scope.sees(f.unitId()))
            return Connection.page(first, after, (c, l) -> List.of(), FindingView::id);
        var query = new FindingStore.Filter(
                lower(f.kinds()),
                lower(f.severities()),
                lower(f.statuses()),
                f.unitId(),
                Boolean.TRUE.equals(f.includeInactive()),
                Boolean.TRUE.equals(f.regressionsOnly()),
                scope.parameter());
        return Connection.page(first, after, (cursor, limit) -> store.page(query, cursor, limit), FindingView::id);
    }

    @QueryMapping
    FindingView finding(@Argument String id) {
        var scope = scope();
        return store.byId(id).filter(scope::sees).orElse(null);
    }

    @QueryMapping
    Connection<FindingStore.UnitCount> findingCounts(
            @Argument String unitId, @Argument Integer first, @Argument String after) {
        var scope = scope();
        if (unitId != null && !scope.sees(unitId)) {
            return Connection.page(first, after, (cursor, limit) -> List.of(), FindingStore.UnitCount::unitId);
        }
        return Connection.page(
                first,
                after,
                (cursor, limit) -> store.counts(unitId, scope.parameter(), cursor, limit),
                FindingStore.UnitCount::unitId);
    }

    @QueryMapping
    AnalysisJob analysisJob(@Argument String id) {
        return analysis.job(id).orElse(null);
    }

    /** The explanation in the request's language. */
    @SchemaMapping(typeName = "Finding")
    String explanation(FindingView finding, Locale locale) {
        return Languages.of(locale).equals(Languages.ENGLISH) ? finding.explanationEn() : finding.explanationZh();
    }

    @MutationMapping
    RunAnalysisPayload runAnalysis(@Argument RunAnalysisInput input) {
        int wait = input.waitSeconds() == null ? 20 : input.waitSeconds();
        if (wait < 0 || wait > 60) {
            return new RunAnalysisPayload(
                    null,
                    List.of(UserError.of("OUT_OF_RANGE", Text.of(ConflictTexts.WAIT_SECONDS), "input", "waitSeconds")));
        }
        var job = analysis.submit();
        return new RunAnalysisPayload(analysis.await(job.id(), Duration.ofSeconds(wait)), List.of());
    }

    /** The deprecated non-null job: a refused call answers its refusal as an error here, as it did before. */
    @SchemaMapping(typeName = "RunAnalysisPayload")
    AnalysisJob job(RunAnalysisPayload payload) {
        if (payload.analysisJob() == null) {
            throw BadInputException.of(payload.errors().get(0));
        }
        return payload.analysisJob();
    }

    @MutationMapping
    TriageFindingPayload triageFinding(@Argument TriageFindingInput input) {
        var status = switch (input.action()) {
            case "ACKNOWLEDGE" -> "acknowledged";
            case "WAIVE" -> "waived";
            case "RESOLVE" -> "resolved";
            default -> "open";
        };
        if (status.equals("waived") && (input.reason() == null || input.reason().isBlank())) {
            return new TriageFindingPayload(
                    null,
                    List.of(new UserError(
                            List.of("input", "reason"), "REQUIRED", Text.of(ConflictTexts.SAY_WHY_WAIVED))));
        }
        var user = SecurityContextHolder.getContext().getAuthentication().getName();
        return store.triage(input.id(), status, input.reason(), user)
                .map(f -> new TriageFindingPayload(f, List.of()))
                .orElseGet(() -> new TriageFindingPayload(
                        null,
                        List.of(new UserError(
                                List.of("input", "id"),
                                "NOT_FOUND",
                                Text.of(PlatformTexts.NO_SUCH_ID, Text.of(ConflictTexts.FINDING), input.id())))));
    }

    /** An analyst's username is theirs to know: a unit's leaders, who read their findings, see the status only. */
    @SchemaMapping(typeName = "Finding")
    String triagedBy(FindingView f) {
        return triagers() ? f.triagedBy() : null;
    }

    /**
     * The triage reason is the analysts' free text (why a conflict was waived can name the people involved): a
     * unit's leaders see the status, not the text.
     */
    @SchemaMapping(typeName = "Finding")
    String reason(FindingView f) {
        return triagers() ? f.reason() : null;
    }

    private static boolean triagers() {
        return Role.held(SecurityContextHolder.getContext().getAuthentication(), Role.ADMIN, Role.ANALYST);
    }

    @SchemaMapping(typeName = "Finding")
    String kind(FindingView f) {
        return f.kind().toUpperCase();
    }

    @SchemaMapping(typeName = "Finding")
    String severity(FindingView f) {
        return f.severity().toUpperCase();
    }

    @SchemaMapping(typeName = "Finding")
    String status(FindingView f) {
        return f.status().toUpperCase();
    }

    @SchemaMapping(typeName = "FindingKindCount")
    String kind(FindingStore.KindCount count) {
        return count.kind().toUpperCase();
    }

    @BatchMapping(typeName = "UnitFindingCount", field = "unit")
    Map<FindingStore.UnitCount, UnitView> countUnit(List<FindingStore.UnitCount> counts) {
        var units = graph.units(
                counts.stream().map(FindingStore.UnitCount::unitId).distinct().toList());
        return BatchResults.each(counts, c -> units.get(c.unitId()));
    }

    @BatchMapping(typeName = "Finding", field = "units")
    Map<FindingView, List<UnitView>> units(List<FindingView> findings) {
        return many(findings, FindingView::unitIds, graph::units);
    }

    @BatchMapping(typeName = "Finding", field = "posts")
    Map<FindingView, List<PostView>> posts(List<FindingView> findings) {
        return many(findings, FindingView::postIds, graph::posts);
    }

    @BatchMapping(typeName = "Finding", field = "duties")
    Map<FindingView, List<DutyView>> duties(List<FindingView> findings) {
        return many(findings, FindingView::dutyIds, graph::duties);
    }

    @BatchMapping(typeName = "Finding", field = "powerItems")
    Map<FindingView, List<PowerItemView>> powerItems(List<FindingView> findings) {
        return many(findings, FindingView::powerItemIds, graph::powerItems);
    }

    @BatchMapping(typeName = "Finding", field = "arbiter")
    Map<FindingView, PostView> arbiter(List<FindingView> findings) {
        var posts = graph.posts(findings.stream()
                .map(FindingView::arbiterPostId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return BatchResults.each(findings, f -> f.arbiterPostId() == null ? null : posts.get(f.arbiterPostId()));
    }

    /** Loads the objects behind each finding's id list with one query, dropping ids no longer in the graph. */
    private static <T> Map<FindingView, List<T>> many(
            List<FindingView> findings,
            Function<FindingView, List<String>> ids,
            Function<List<String>, Map<String, T>> load) {
        var all = load.apply(
                findings.stream().flatMap(f -> ids.apply(f).stream()).distinct().toList());
        return BatchResults.each(
                findings,
                f -> ids.apply(f).stream()
                        .map(all::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    private static List<String> lower(List<String> values) {
        return values == null || values.isEmpty()
                ? null
                : values.stream().map(String::toLowerCase).toList();
    }
}
