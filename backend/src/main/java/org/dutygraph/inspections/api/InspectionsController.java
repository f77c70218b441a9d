package org.dutygraph.inspections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.inspections.Checklists;
import org.dutygraph.inspections.FindingReview;
import org.dutygraph.inspections.InspectionAudit;
import org.dutygraph.inspections.InspectionDraws;
import org.dutygraph.inspections.InspectionPlans;
import org.dutygraph.inspections.InspectionQueries;
import org.dutygraph.inspections.InspectionTexts;
import org.dutygraph.inspections.InspectionViews.AssignmentView;
import org.dutygraph.inspections.InspectionViews.AuditView;
import org.dutygraph.inspections.InspectionViews.DrawReplay;
import org.dutygraph.inspections.InspectionViews.DrawView;
import org.dutygraph.inspections.InspectionViews.EvidenceView;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.PatrolShortfall;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.inspections.InspectionViews.SyncedItem;
import org.dutygraph.inspections.InspectorDaySync;
import org.dutygraph.inspections.SyncBatch;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.BatchResults;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Spot checks: plans and draws (the office), assignments and sync (inspectors), after-finding steps. See inspections.graphqls. */
@Controller
class InspectionsController {

    private final InspectionPlans plans;
    private final InspectionDraws draws;
    private final InspectorDaySync sync;
    private final InspectionQueries queries;
    private final FindingReview review;
    private final InspectionAudit audit;
    private final InspectionCallers callers;
    private final OrgReadStore org;

    InspectionsController(
            InspectionPlans plans,
            InspectionDraws draws,
            InspectorDaySync sync,
            InspectionQueries queries,
            FindingReview review,
            InspectionAudit audit,
            InspectionCallers callers,
            OrgReadStore org,
            Checklists checklists) {
        this.checklists = checklists;
        this.plans = plans;
        this.draws = draws;
        this.sync = sync;
        this.queries = queries;
        this.review = review;
        this.audit = audit;
        this.callers = callers;
        this.org = org;
    }

    private final Checklists checklists;

    record PlanPayload(PlanView plan, List<UserError> errors) {}

    record DrawInspectionInput(String planId, String seed) {}

    record SyncPayload(
            List<SyncedItem> visits,
            List<SyncedItem> findings,
            List<SyncedItem> evidence,
            List<SyncedItem> patrols,
            java.time.OffsetDateTime receivedAt,
            List<UserError> errors) {}

    record FindingFilter(String planId, List<String> statuses) {}

    record RectificationFilter(List<String> statuses) {}

    record ReviewInput(String id, String decision, String reason, LocalDate rectifyBy) {}

    record ReviewPayload(FindingView finding, List<UserError> errors) {}

    record RespondInput(String id, String response) {}

    record ReturnVisitInput(String rectificationId, boolean fixed, String note) {}

    record RectificationPayload(RectificationView rectification, List<UserError> errors) {}

    @QueryMapping
    Connection<Checklists.Template> checklistTemplates(@Argument Integer first, @Argument String after) {
        return Connection.page(
                first,
                after,
                (cursor, limit) -> checklists.templates().stream()
                        .filter(t -> cursor == null || t.id().compareTo(cursor) > 0)
                        .sorted(java.util.Comparator.comparing(Checklists.Template::id))
                        .limit(limit)
                        .toList(),
                Checklists.Template::id);
    }

    @SchemaMapping(typeName = "ChecklistTemplate")
    Text name(Checklists.Template template) {
        return checklists.name(template);
    }

    @SchemaMapping(typeName = "ChecklistItem")
    Text norm(Checklists.Item item) {
        return checklists.norm(item);
    }

    @SchemaMapping(typeName = "ChecklistItem")
    Text question(Checklists.Item item) {
        return checklists.question(item);
    }

    @QueryMapping(name = "checklist")
    Checklists.Checklist checklistByVersion(@Argument String id, @Argument String version) {
        return queries.checklist(callers.current(), id, version).orElse(null);
    }

    @QueryMapping
    Connection<PlanView> inspectionPlans(@Argument Integer first, @Argument String after) {
        var caller = callers.current();
        return Connection.page(first, after, (cursor, limit) -> plans.page(caller, cursor, limit), PlanView::key);
    }

    @QueryMapping
    PlanView inspectionPlan(@Argument String id) {
        return plans.read(callers.current(), id).orElse(null);
    }

    @MutationMapping
    PlanPayload createInspectionPlan(@Argument InspectionPlans.CreatePlan input) {
        var result = plans.create(callers.current(), input);
        return new PlanPayload(result.plan(), result.errors());
    }

    @MutationMapping
    PlanPayload drawInspection(@Argument DrawInspectionInput input) {
        var result = draws.draw(callers.current(), input.planId(), input.seed());
        return new PlanPayload(result.plan(), result.errors());
    }

    @QueryMapping
    DrawReplay replayDraw(@Argument String planId) {
        return draws.replay(callers.current(), planId).orElse(null);
    }

    @QueryMapping
    Connection<AssignmentView> myAssignments(
            @Argument Boolean includeDone, @Argument Integer first, @Argument String after) {
        var caller = callers.current();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> queries.myAssignments(caller, Boolean.TRUE.equals(includeDone), cursor, limit),
                AssignmentView::key);
    }

    @QueryMapping
    AssignmentView assignment(@Argument String id) {
        return queries.assignment(callers.current(), id).orElse(null);
    }

    @MutationMapping
    SyncPayload syncInspectorDay(@Argument SyncBatch input) {
        var r = sync.sync(callers.current(), input);
        return new SyncPayload(r.visits(), r.findings(), r.evidence(), r.patrols(), r.receivedAt(), r.errors());
    }

    @QueryMapping
    Connection<FindingView> inspectionFindings(
            @Argument FindingFilter filter, @Argument Integer first, @Argument String after) {
        var caller = callers.current();
        var f = filter == null ? new FindingFilter(null, null) : filter;
        return Connection.page(
                first,
                after,
                (cursor, limit) -> queries.findings(caller, f.planId(), f.statuses(), cursor, limit),
                FindingView::key);
    }

    @QueryMapping
    FindingView inspectionFinding(@Argument String id) {
        return queries.finding(callers.current(), id).orElse(null);
    }

    @QueryMapping
    Connection<RectificationView> rectifications(
            @Argument RectificationFilter filter, @Argument Integer first, @Argument String after) {
        var caller = callers.current();
        var statuses = filter == null ? null : filter.statuses();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> queries.rectifications(caller, statuses, cursor, limit),
                RectificationView::key);
    }

    @QueryMapping(name = "rectification")
    RectificationView rectificationById(@Argument String id) {
        return queries.rectification(callers.current(), id).orElse(null);
    }

    @MutationMapping
    ReviewPayload reviewInspectionFinding(@Argument ReviewInput input) {
        var result = review.review(callers.current(), input.id(), input.decision(), input.reason(), input.rectifyBy());
        return new ReviewPayload(result.finding(), result.errors());
    }

    @MutationMapping
    RectificationPayload respondToRectification(@Argument RespondInput input) {
        var result = review.respond(callers.current(), input.id(), input.response());
        var order =
                result.rectification() == null ? null : result.rectification().asSeenByInspectedUnit();
        return new RectificationPayload(order, result.errors());
    }

    @MutationMapping
    RectificationPayload recordReturnVisit(@Argument ReturnVisitInput input) {
        var result = review.returnVisit(callers.current(), input.rectificationId(), input.fixed(), input.note());
        return new RectificationPayload(result.rectification(), result.errors());
    }

    @QueryMapping
    AccountabilityChains.Chain accountabilityChain(@Argument String findingId) {
        return review.chain(callers.current(), findingId).orElse(null);
    }

    @QueryMapping
    Connection<PatrolShortfall> patrolShortfalls(
            @Argument LocalDate date, @Argument Integer minimum, @Argument Integer first, @Argument String after) {
        int min = minimum == null ? 4 : minimum;
        if (min < 1 || min > 100) {
            throw new BadInputException("minimum", "OUT_OF_RANGE", Text.of(InspectionTexts.MINIMUM_RANGE));
        }
        return Connection.page(
                first,
                after,
                (cursor, limit) -> queries.patrolShortfalls(date, min, cursor, limit),
                PatrolShortfall::key);
    }

    @QueryMapping
    Connection<AuditView> inspectionAudit(@Argument String planId, @Argument Integer first, @Argument String after) {
        var caller = callers.current();
        if (plans.read(caller, planId).isEmpty()) {
            return Connection.page(first, after, (cursor, limit) -> List.of(), AuditView::key);
        }
        return Connection.page(first, after, (cursor, limit) -> audit.page(planId, cursor, limit), AuditView::key);
    }

    @BatchMapping(typeName = "InspectionPlan")
    Map<PlanView, DrawView> draw(List<PlanView> plans) {
        return BatchResults.byKey(
                plans,
                PlanView::id,
                draws.drawsOf(plans.stream().map(PlanView::id).toList()));
    }

    @BatchMapping(typeName = "InspectionPlan")
    Map<PlanView, List<AssignmentView>> assignments(List<PlanView> plans) {
        var assignments =
                queries.assignmentsOfPlans(plans.stream().map(PlanView::id).toList());
        return BatchResults.each(plans, p -> assignments.getOrDefault(p.id(), List.of()));
    }

    @BatchMapping(typeName = "InspectionPlan")
    Map<PlanView, List<UnitView>> scope(List<PlanView> plans) {
        var units = org.units(plans.stream()
                .flatMap(p -> p.scopeUnitIds().stream())
                .distinct()
                .toList());
        return BatchResults.each(
                plans,
                p -> p.scopeUnitIds().stream()
                        .map(units::get)
                        .filter(Objects::nonNull)
                        .toList());
    }

    @BatchMapping(typeName = "Assignment")
    Map<AssignmentView, UnitView> target(List<AssignmentView> assignments) {
        return BatchResults.byKey(
                assignments,
                AssignmentView::targetUnitId,
                org.units(assignments.stream()
                        .map(AssignmentView::targetUnitId)
                        .distinct()
                        .toList()));
    }

    @BatchMapping(typeName = "InspectionFinding", field = "target")
    Map<FindingView, UnitView> findingTarget(List<FindingView> findings) {
        return BatchResults.byKey(
                findings,
                FindingView::targetUnitId,
                org.units(findings.stream()
                        .map(FindingView::targetUnitId)
                        .distinct()
                        .toList()));
    }

    @BatchMapping(typeName = "InspectionFinding")
    Map<FindingView, List<EvidenceView>> evidence(List<FindingView> findings) {
        var evidence = queries.evidence(findings.stream().map(FindingView::id).toList());
        return BatchResults.each(
                findings,
                f -> evidence.getOrDefault(f.id(), List.<EvidenceView>of()).stream()
                        .map(e -> f.seenByInspectedUnit() ? e.asSeenByInspectedUnit() : e)
                        .toList());
    }

    @BatchMapping(typeName = "InspectionFinding")
    Map<FindingView, RectificationView> rectification(List<FindingView> findings) {
        var orders = queries.rectificationsOfFindings(
                findings.stream().map(FindingView::id).toList());
        return BatchResults.each(findings, f -> {
            var order = orders.get(f.id());
            return order != null && f.seenByInspectedUnit() ? order.asSeenByInspectedUnit() : order;
        });
    }

    @BatchMapping(typeName = "Rectification", field = "unit")
    Map<RectificationView, UnitView> rectificationUnit(List<RectificationView> orders) {
        return BatchResults.byKey(
                orders,
                RectificationView::unitId,
                org.units(orders.stream()
                        .map(RectificationView::unitId)
                        .distinct()
                        .toList()));
    }

    @BatchMapping(typeName = "PatrolShortfall")
    Map<PatrolShortfall, UnitView> hall(List<PatrolShortfall> shortfalls) {
        return BatchResults.byKey(
                shortfalls,
                PatrolShortfall::hallId,
                org.units(shortfalls.stream().map(PatrolShortfall::hallId).toList()));
    }
}
