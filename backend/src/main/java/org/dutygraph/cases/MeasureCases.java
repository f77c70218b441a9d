package org.dutygraph.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.inspections.FindingReview;
import org.dutygraph.inspections.InspectionCaller;
import org.dutygraph.inspections.InspectionQueries;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.stereotype.Service;

/**
 * The older {@code recordAccountabilityMeasure} (a measure against a post on a confirmed finding's chain), routed into
 * cases: the measure is recorded on the chain as before (same checks, same answer), and in the same transaction the
 * finding's case against that post is decided with the measure (an undecided one, else a new case on the finding's day
 * of the act, registered and decided at once). SUSPENSION ("suspend first") suspends instead of deciding. A decided
 * case records its appraisal event, tells the person concerned and applies joint responsibility (with the facts the
 * office states, as on DECIDE), as a decision through advanceAccountabilityCase does.
 */
@Service
public class MeasureCases {

    /** Written as the reason when the caller gave no note: a marker, not wording (the old contract has no reason). */
    static final String NO_NOTE = "recordAccountabilityMeasure";

    private static final Set<String> UNDECIDED = Set.of("DRAFT", "REGISTERED", "INVESTIGATING");

    private final GraphTransactions graph;
    private final LockStore locks;
    private final FindingReview review;
    private final InspectionQueries findings;
    private final CaseStore store;
    private final CaseOpenings openings;
    private final CasePushes pushes;
    private final JointResponsibility joint;
    private final Effects effects;
    private final Clock clock;

    MeasureCases(
            GraphTransactions graph,
            LockStore locks,
            FindingReview review,
            InspectionQueries findings,
            CaseStore store,
            CaseOpenings openings,
            CasePushes pushes,
            JointResponsibility joint,
            Effects effects,
            Clock clock) {
        this.joint = joint;
        this.graph = graph;
        this.locks = locks;
        this.review = review;
        this.findings = findings;
        this.store = store;
        this.openings = openings;
        this.pushes = pushes;
        this.effects = effects;
        this.clock = clock;
    }

    /** {@code wideAdverseEffect}, {@code seriousHarm}: what the office states for joint responsibility, as on DECIDE. */
    public FindingReview.Measured record(
            InspectionCaller caller,
            String findingId,
            String postId,
            String measure,
            String note,
            boolean wideAdverseEffect,
            boolean seriousHarm) {
        var recorded = new ArrayList<String>();
        var facts = new JointResponsibility.Facts(wideAdverseEffect, seriousHarm);
        var result = graph.write(() -> {
            var measured = review.recordMeasure(caller, findingId, postId, measure, note);
            if (measured.errors().isEmpty()) {
                recorded.addAll(decide(caller, findingId, postId, measure, note, facts));
            }
            return measured;
        });
        if (!recorded.isEmpty()) {
            effects.deliver(recorded);
        }
        return result;
    }

    private List<String> decide(
            InspectionCaller caller,
            String findingId,
            String postId,
            String measure,
            String note,
            JointResponsibility.Facts facts) {
        var findingCase = findingCase(caller, findingId);
        locks.job("case-measure:" + findingId + ":" + postId);
        var c = store.undecidedBySourceAndPost(CaseSources.SPOT_CHECK, findingId, postId, List.copyOf(UNDECIDED))
                .flatMap(id -> store.get(id, clock.instant()))
                .orElseGet(() -> opened(findingCase, postId, caller.username()));
        long now = clock.millis();
        var by = caller.username();
        var text = note == null || note.isBlank() ? NO_NOTE : note.strip();
        if (measure.equals("SUSPENSION")) {
            if (c.suspendedAt() == null) {
                store.update(c.id(), Map.of("suspendedAt", now));
                step(c.id(), "SUSPEND", c.status(), by, now, text);
            }
            return List.of();
        }
        boolean inRange = c.situation() != null
                && c.situation().measureFrom() != null
                && Measures.rank(measure) >= Measures.rank(c.situation().measureFrom())
                && Measures.rank(measure) <= Measures.rank(c.situation().measureTo());
        var changes = new HashMap<String, Object>();
        changes.put("status", "DECIDED");
        changes.put("registered", true);
        changes.put("decidedAt", now);
        changes.put("decisionMeasure", measure);
        changes.put("decisionInRange", inRange);
        changes.put("decisionReason", text);
        changes.put("outOfRangeReason", inRange ? null : text);
        store.update(c.id(), changes);
        step(c.id(), "DECIDE", "DECIDED", by, now, text);
        joint.onDecision(c, facts, by, now);
        pushes.tell(c.id(), c.personId(), CasePushes.Step.DECIDED);
        return effects.record(
                new CaseDecided(c.id(), c.number(), c.unitId(), postId, c.personId(), measure, clock.instant()));
    }

    /** The finding's own case, opened now when its effect has not been delivered yet (as the effect would open it). */
    private CaseView findingCase(InspectionCaller caller, String findingId) {
        var id = store.bySource(CaseSources.SPOT_CHECK, findingId);
        if (id.isEmpty()) {
            var f = findings.finding(caller, findingId).orElseThrow();
            openings.openFromSource(new CaseOpenings.SourceOpening(
                    CaseSources.SPOT_CHECK,
                    f.id(),
                    f.normCode(),
                    f.targetUnitId(),
                    f.postId(),
                    f.badgeNumber(),
                    f.observedAt().toInstant(),
                    f.normCode(),
                    null));
            id = store.bySource(CaseSources.SPOT_CHECK, findingId);
        }
        return store.get(id.orElseThrow(), clock.instant()).orElseThrow();
    }

    /** A new case against the post, on the finding's day of the act and situation, registered. */
    private CaseView opened(CaseView findingCase, String postId, String by) {
        var props = new HashMap<String, Object>();
        props.put("sourceKind", CaseSources.SPOT_CHECK);
        props.put("sourceId", findingCase.source().id());
        props.put("sourceReference", findingCase.source().reference());
        props.put("summary", findingCase.summary());
        props.put("actDate", findingCase.actDate().toString());
        var s = findingCase.situation();
        if (s != null) {
            props.putAll(CaseOpenings.situationProperties(s));
        }
        var concerned = openings.concerned(postId, null, findingCase.actDate());
        var id = openings.create(props, concerned, findingCase.actDate(), "REGISTERED", by);
        return store.get(id, clock.instant()).orElseThrow();
    }

    private void step(String caseId, String action, String status, String by, long now, String note) {
        store.addStep(new Step(
                caseId,
                action,
                status,
                by,
                TimeKeys.utc(now),
                note,
                TimeKeys.key(now + 1, UUID.randomUUID().toString())));
    }
}
