package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dutygraph.conflicts.engine.Finding.RoleEvidence;
import org.dutygraph.conflicts.engine.Finding.Side;
import org.dutygraph.conflicts.engine.Finding.Source;
import org.dutygraph.platform.i18n.Text;

/**
 * Role conflicts: one unit both enforces (punishes, coerces, inspects) and oversees enforcement (legal review,
 * reconsideration) of the same or nested objects: enforcement and its oversight should be separated. A duty
 * enforces by its action's label, by the categories of the power items it exercises or by its wording; it
 * oversees by its action's label or its wording. Oversight wins when a duty shows both (a legal review of
 * penalty decisions is oversight). Each finding lists the evidence that made it.
 */
final class RoleConflictAnalyzer {

    private final Projection p;
    private final Findings findings;
    private final EngineSettings settings;

    RoleConflictAnalyzer(Findings findings, EngineSettings settings) {
        this.p = findings.p;
        this.findings = findings;
        this.settings = settings;
    }

    void run() {
        runOn(IntStream.range(0, p.dutyCount()).boxed().toList());
    }

    /** Role conflicts within the units of the given duties, which must be all the duties of those units. */
    void runOn(Collection<Integer> duties) {
        var evidence = new HashMap<Integer, List<RoleEvidence>>();
        var enforcing = new HashMap<Integer, List<Integer>>();
        var overseeing = new HashMap<Integer, List<Integer>>();
        for (int d : duties) {
            if (p.dutyUnit[d] < 0 || p.dutyObjects[d].length == 0) continue;
            var reasons = oversight(d);
            var side = overseeing;
            if (reasons.isEmpty()) {
                reasons = enforcement(d);
                side = enforcing;
            }
            if (reasons.isEmpty()) continue;
            evidence.put(d, reasons);
            side.computeIfAbsent(p.dutyUnit[d], k -> new ArrayList<>()).add(d);
        }
        overseeing.forEach((unit, reviews) -> {
            for (int enforce : enforcing.getOrDefault(unit, List.of())) {
                for (int review : reviews) {
                    for (int o1 : p.dutyObjects[enforce]) {
                        for (int o2 : p.dutyObjects[review]) {
                            if (Projection.nested(p.conceptParent, o1, o2))
                                report(unit, enforce, review, o1, o2, evidence);
                        }
                    }
                }
            }
        });
    }

    private List<RoleEvidence> oversight(int d) {
        var reasons = new ArrayList<RoleEvidence>();
        actionLabel(d, settings.oversightWords(), Side.OVERSIGHT, reasons);
        text(d, settings.oversightTextWords(), Side.OVERSIGHT, reasons);
        return reasons;
    }

    private List<RoleEvidence> enforcement(int d) {
        var reasons = new ArrayList<RoleEvidence>();
        actionLabel(d, settings.enforcementWords(), Side.ENFORCEMENT, reasons);
        for (int item : p.dutyPowerItems[d]) {
            var category = p.powerItemCategories.get(item);
            if (category != null && settings.enforcementCategories().contains(category)) {
                reasons.add(new RoleEvidence(
                        p.duties.id(d), Side.ENFORCEMENT, Source.POWER_ITEM_CATEGORY, p.powerItems.id(item), category));
            }
        }
        text(d, settings.enforcementTextWords(), Side.ENFORCEMENT, reasons);
        return reasons;
    }

    /** The first word found in the label of the duty's action or of its nearest broader action. */
    private void actionLabel(int d, List<String> words, Side side, List<RoleEvidence> reasons) {
        for (int c = p.dutyAction[d], guard = 0; c >= 0 && guard < 1_000; c = p.conceptParent[c], guard++) {
            var label = p.conceptLabels.get(c);
            var word = firstIn(label, words);
            if (word != null) {
                reasons.add(new RoleEvidence(p.duties.id(d), side, Source.ACTION_LABEL, p.concepts.id(c), word));
                return;
            }
        }
    }

    private void text(int d, List<String> words, Side side, List<RoleEvidence> reasons) {
        var word = firstIn(p.dutyTexts.get(d), words);
        if (word != null) reasons.add(new RoleEvidence(p.duties.id(d), side, Source.DUTY_TEXT, null, word));
    }

    private static String firstIn(String text, List<String> words) {
        if (text == null) return null;
        return words.stream().filter(text::contains).findFirst().orElse(null);
    }

    private void report(int unit, int enforce, int review, int o1, int o2, Map<Integer, List<RoleEvidence>> why) {
        var broader = Projection.isAncestorOrSelf(p.conceptParent, o1, o2) ? o1 : o2;
        var draft = findings.draft(
                Finding.Kind.ROLE_CONFLICT, p.units.id(unit) + "|" + p.concepts.id(broader), Finding.Severity.HIGH);
        draft.duty(enforce).duty(review);
        draft.arbiterUnits = List.of(unit);
        for (int d : new int[] {enforce, review}) {
            for (var reason : why.get(d)) {
                draft.roleEvidence.add(reason);
                draft.evidence.add(pattern(reason));
            }
        }
        draft.evidence.add("(" + p.duties.id(enforce) + ")-[:ON_OBJECT]->(" + p.concepts.id(o1) + "), ("
                + p.duties.id(review) + ")-[:ON_OBJECT]->(" + p.concepts.id(o2) + "), both in " + p.units.id(unit));
        draft.explain(Text.of(
                ExplanationTexts.ROLE_CONFLICT,
                findings.unit(unit),
                findings.concept(broader),
                describe(enforce, why.get(enforce).get(0)),
                describe(review, why.get(review).get(0)),
                p.units.id(unit),
                byId(why.get(enforce).get(0)),
                byId(why.get(review).get(0)),
                p.concepts.id(broader)));
    }

    /** The enforcement or oversight as the Chinese text names it: the action, else the matched word. */
    private String describe(int d, RoleEvidence first) {
        return p.dutyAction[d] >= 0 && first.source() == Source.ACTION_LABEL
                ? findings.concept(p.dutyAction[d])
                : first.matched();
    }

    /** The evidence as the English text names it: by ids, and a category by its code. */
    private static String byId(RoleEvidence e) {
        return switch (e.source()) {
            case ACTION_LABEL -> e.subjectId();
            case POWER_ITEM_CATEGORY -> e.subjectId() + ", " + e.matched();
            case DUTY_TEXT -> e.dutyId();
        };
    }

    /** The evidence as a Cypher-like pattern over bundle ids, like every finding's evidence. */
    private static String pattern(RoleEvidence e) {
        var side = e.side().name().toLowerCase();
        return switch (e.source()) {
            case ACTION_LABEL ->
                side + ": (" + e.dutyId() + ")-[:ACTION]->(" + e.subjectId() + ") label contains '" + e.matched() + "'";
            case POWER_ITEM_CATEGORY ->
                side + ": (" + e.dutyId() + ")-[:EXERCISES]->(" + e.subjectId() + " {category: '" + e.matched() + "'})";
            case DUTY_TEXT -> side + ": (" + e.dutyId() + ").text contains '" + e.matched() + "'";
        };
    }
}
