package org.dutygraph.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.inspections.InspectionAudit.Subject;
import org.dutygraph.inspections.InspectionViews.AssignmentView;
import org.dutygraph.inspections.InspectionViews.EvidenceView;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.PatrolShortfall;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Reads with the confidentiality rules applied in the query: a plan's managers see everything of it,
 * inspectors their own assignments and what was found on them, unit staff only confirmed findings and
 * rectification orders of their unit (and its sub-units). Reads of assignments and findings are audited,
 * in the read's transaction.
 */
@Service
public class InspectionQueries {

    private final GraphTransactions graph;
    private final InspectionAssignmentStore assignments;
    private final InspectionFindingStore findings;
    private final InspectionEvidenceStore evidence;
    private final RectificationStore rectifications;
    private final PatrolStore patrols;
    private final InspectionAudit audit;
    private final Clock clock;
    private final Checklists checklists;

    InspectionQueries(
            GraphTransactions graph,
            InspectionAssignmentStore assignments,
            InspectionFindingStore findings,
            InspectionEvidenceStore evidence,
            RectificationStore rectifications,
            PatrolStore patrols,
            InspectionAudit audit,
            Clock clock,
            Checklists checklists) {
        this.checklists = checklists;
        this.graph = graph;
        this.assignments = assignments;
        this.findings = findings;
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.patrols = patrols;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AssignmentView> myAssignments(InspectionCaller caller, boolean includeDone, String after, int limit) {
        return graph.write(() -> {
            var rows = assignments.mine(caller.username(), includeDone, after, limit);
            audit.record(
                    caller.username(),
                    "list-assignments",
                    rows.stream().map(a -> new Subject(a.planId(), a.id())).toList());
            return rows;
        });
    }

    public Optional<AssignmentView> assignment(InspectionCaller caller, String id) {
        return graph.write(() -> {
            var found = assignments.visible(caller.manager(), id);
            found.ifPresent(a -> audit.record(caller.username(), "read-assignment", a.planId(), a.id()));
            return found;
        });
    }

    /**
     * A checklist by id and version: a shipped template as it is now, or the checklist of one of the caller's
     * assignments or of a plan the caller manages (a plan's own items are not shown to other inspectors).
     */
    public Optional<Checklists.Checklist> checklist(InspectionCaller caller, String id, String version) {
        var template = checklists
                .template(id)
                .filter(t -> Checklists.version(t.items()).equals(version));
        if (template.isPresent()) {
            return template.map(t -> new Checklists.Checklist(id, version, t.items()));
        }
        return assignments.checklists(caller.manager(), id).stream()
                .filter(items -> Checklists.version(items).equals(version))
                .findFirst()
                .map(items -> new Checklists.Checklist(id, version, items));
    }

    /** The assignments of these plans, by plan id: drawn visits in draw order, then return visits. */
    public Map<String, List<AssignmentView>> assignmentsOfPlans(Collection<String> planIds) {
        return assignments.ofPlans(planIds);
    }

    public List<FindingView> findings(
            InspectionCaller caller, String planId, List<String> statuses, String before, int limit) {
        return graph.write(() -> {
            var rows = findings.page(caller, planId, statuses, before, limit);
            audit.record(
                    caller.username(),
                    "list-findings",
                    rows.stream()
                            .map(f -> new Subject(
                                    f.finding().planId(), f.finding().id()))
                            .toList());
            return rows.stream().map(InspectionQueries::redacted).toList();
        });
    }

    public Optional<FindingView> finding(InspectionCaller caller, String id) {
        return graph.write(() -> {
            var found = findings.shown(caller, id);
            found.ifPresent(f -> audit.record(
                    caller.username(),
                    "read-finding",
                    f.finding().planId(),
                    f.finding().id()));
            return found.map(InspectionQueries::redacted);
        });
    }

    private static FindingView redacted(InspectionFindingStore.Shown shown) {
        return shown.insider() ? shown.finding() : shown.finding().asSeenByInspectedUnit();
    }

    public Map<String, List<EvidenceView>> evidence(Collection<String> findingIds) {
        return evidence.ofFindings(findingIds);
    }

    public Map<String, RectificationView> rectificationsOfFindings(Collection<String> findingIds) {
        return rectifications.ofFindings(findingIds, today());
    }

    /** Orders of plans the caller manages and orders issued to the caller's unit (and its sub-units). */
    public List<RectificationView> rectifications(
            InspectionCaller caller, List<String> statuses, String before, int limit) {
        var today = today();
        return graph.write(() -> {
            var rows = rectifications.page(caller, statuses, before, limit, today);
            audit.record(
                    caller.username(),
                    "list-rectifications",
                    rows.stream()
                            .map(r -> new Subject(r.order().planId(), r.order().id()))
                            .toList());
            return rows.stream().map(InspectionQueries::redacted).toList();
        });
    }

    /**
     * One order, to the managers of its plan (whole) and the staff of its unit or a unit above it (without the plan
     * and the return visit, as in {@link #rectifications}); audited like the list.
     */
    public Optional<RectificationView> rectification(InspectionCaller caller, String id) {
        var today = today();
        return graph.write(() -> {
            var found = rectifications.seen(caller, id, today);
            found.ifPresent(r -> audit.record(
                    caller.username(),
                    "read-rectification",
                    r.order().planId(),
                    r.order().id()));
            return found.map(InspectionQueries::redacted);
        });
    }

    private static RectificationView redacted(RectificationStore.Seen seen) {
        return seen.manager() ? seen.order() : seen.order().asSeenByInspectedUnit();
    }

    /** Service halls (units classified service_centre) with fewer than {@code minimum} patrols on {@code day}. */
    public List<PatrolShortfall> patrolShortfalls(LocalDate day, int minimum, String after, int limit) {
        return patrols.shortfalls(day, minimum, after, limit);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
