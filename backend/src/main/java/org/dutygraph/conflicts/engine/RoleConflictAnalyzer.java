package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.dutygraph.platform.i18n.Text;

/**
 * Role conflicts: one unit both enforces (punishes, coerces) and oversees enforcement (legal review,
 * reconsideration) of the same or nested objects: enforcement and its oversight should be separated.
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
        runOn(java.util.stream.IntStream.range(0, p.dutyCount()).boxed().toList());
    }

    /** Role conflicts within the units of the given duties, which must be all the duties of those units. */
    void runOn(java.util.Collection<Integer> duties) {
        var enforcing = new HashMap<Integer, List<Integer>>();
        var overseeing = new HashMap<Integer, List<Integer>>();
        for (int d : duties) {
            if (!p.isCoded(d)) continue;
            if (matches(p.dutyAction[d], settings.oversightWords())) {
                overseeing
                        .computeIfAbsent(p.dutyUnit[d], k -> new ArrayList<>())
                        .add(d);
            } else if (matches(p.dutyAction[d], settings.enforcementWords())) {
                enforcing.computeIfAbsent(p.dutyUnit[d], k -> new ArrayList<>()).add(d);
            }
        }
        overseeing.forEach((unit, reviews) -> {
            for (int enforce : enforcing.getOrDefault(unit, List.of())) {
                for (int review : reviews) {
                    for (int o1 : p.dutyObjects[enforce]) {
                        for (int o2 : p.dutyObjects[review]) {
                            if (Projection.nested(p.conceptParent, o1, o2)) report(unit, enforce, review, o1, o2);
                        }
                    }
                }
            }
        });
    }

    private boolean matches(int action, List<String> words) {
        for (int c = action; c >= 0; c = p.conceptParent[c]) {
            var label = p.conceptLabels.get(c);
            if (label != null && words.stream().anyMatch(label::contains)) return true;
        }
        return false;
    }

    private void report(int unit, int enforce, int review, int o1, int o2) {
        var broader = Projection.isAncestorOrSelf(p.conceptParent, o1, o2) ? o1 : o2;
        var draft = findings.draft(
                Finding.Kind.ROLE_CONFLICT, p.units.id(unit) + "|" + p.concepts.id(broader), Finding.Severity.HIGH);
        draft.duty(enforce).duty(review);
        draft.arbiterUnits = List.of(unit);
        draft.evidence.add("(" + p.duties.id(enforce) + ")-[:ACTION]->(" + p.concepts.id(p.dutyAction[enforce]) + "), ("
                + p.duties.id(review) + ")-[:ACTION]->(" + p.concepts.id(p.dutyAction[review]) + "), both on "
                + p.concepts.id(broader) + " in " + p.units.id(unit));
        draft.explain(Text.of(
                ExplanationTexts.ROLE_CONFLICT,
                findings.unit(unit),
                findings.concept(broader),
                findings.concept(p.dutyAction[enforce]),
                findings.concept(p.dutyAction[review]),
                p.units.id(unit),
                p.concepts.id(p.dutyAction[enforce]),
                p.concepts.id(p.dutyAction[review]),
                p.concepts.id(broader)));
    }
}
