package org.dutygraph.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.stereotype.Component;

/**
 * Joint responsibility (连带责任) of a unit's leaders, decided with the case: when a rule fires, the case is extended to
 * the unit's principal leader and the supervising deputy on its chain (as they were on the day of the act), each in a
 * case of their own that records which rules fired and the case it extends. The same for a case decided through the
 * procedure and one decided by recordAccountabilityMeasure.
 */
@Component
class JointResponsibility {

    /** The unit did not act within its deadline, so the supervision office opened the case itself. */
    static final String UNIT_DID_NOT_ACT = "UNIT_DID_NOT_ACT";
    /** Exposed by the media or public-opinion monitoring with a wide adverse effect. */
    static final String MEDIA_EXPOSURE = "MEDIA_EXPOSURE";
    /** A serious case harming citizens' interests. */
    static final String SERIOUS_HARM = "SERIOUS_HARM";
    /** Many complaints of the same kind against the unit not properly handled within a period. */
    static final String REPEATED_COMPLAINTS = "REPEATED_COMPLAINTS";

    private static final Set<String> EXTENDED_TO = Set.of("PRINCIPAL_LEADER", "IN_CHARGE_SUPERVISOR");

    /** What the office states when deciding. */
    record Facts(boolean wideAdverseEffect, boolean seriousHarm) {}

    private final CaseStore store;
    private final CaseOpenings openings;
    private final CaseSettings settings;

    JointResponsibility(CaseStore store, CaseOpenings openings, CaseSettings settings) {
        this.store = store;
        this.openings = openings;
        this.settings = settings;
    }

    /**
     * Applies the rules to a case just decided (through the procedure or by recordAccountabilityMeasure): the rules
     * that fire extend it to the unit's leaders, recorded as an EXTEND_TO_LEADERS step on it. Inside the deciding write.
     */
    void onDecision(CaseView c, Facts facts, String by, long now) {
        var rules = fired(c, facts);
        if (rules.isEmpty()) {
            return;
        }
        var extended = extend(c, rules, by);
        store.addStep(new CaseViews.Step(
                c.id(),
                "EXTEND_TO_LEADERS",
                "DECIDED",
                by,
                TimeKeys.utc(now),
                String.join(",", rules) + " -> " + String.join(",", extended),
                TimeKeys.key(now + 1, UUID.randomUUID().toString())));
    }

    /** The rules that fire for the decided case. Call inside the deciding write. */
    List<String> fired(CaseView c, Facts facts) {
        var rules = new ArrayList<String>();
        if (c.unitMissedDeadline() != null) {
            rules.add(UNIT_DID_NOT_ACT);
        }
        var source = c.source();
        if (facts.wideAdverseEffect()
                && source.kind().equals(CaseSources.CLUE)
                && Set.of("MEDIA", "PUBLIC_OPINION").contains(source.channel())) {
            rules.add(MEDIA_EXPOSURE);
        }
        if (facts.seriousHarm()) {
            rules.add(SERIOUS_HARM);
        }
        if (source.kind().equals(CaseSources.COMPLAINT)
                && c.situation() != null
                && c.unitId() != null
                && c.actDate() != null) {
            long similar = store.countSimilar(
                    CaseSources.COMPLAINT,
                    c.unitId(),
                    c.situation().code(),
                    c.actDate().minusDays(settings.repeatedComplaintsDays()),
                    c.actDate());
            if (similar >= settings.repeatedComplaints()) {
                rules.add(REPEATED_COMPLAINTS);
            }
        }
        return rules;
    }

    /** Opens one case per leader to extend to (once per leader), registered, naming the rules; returns their ids. */
    List<String> extend(CaseView c, List<String> rules, String by) {
        var ids = new ArrayList<String>();
        if (rules.isEmpty()) {
            return ids;
        }
        for (var link : c.chain()) {
            if (!EXTENDED_TO.contains(link.role())
                    || link.personId() == null
                    || store.jointExists(c.id(), link.postId())) {
                continue;
            }
            var props = new HashMap<String, Object>();
            props.put("sourceKind", CaseSources.JOINT);
            props.put("sourceId", c.id());
            props.put("sourceReference", c.number());
            props.put("summary", c.summary());
            props.put("actDate", c.actDate().toString());
            props.put("jointRules", rules);
            var s = c.situation();
            props.putAll(CaseOpenings.situationProperties(s));
            ids.add(openings.create(
                    props,
                    new CaseOpenings.Concerned(link.postId(), link.personId(), List.of()),
                    c.actDate(),
                    "REGISTERED",
                    by));
        }
        return ids;
    }
}
