package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dutygraph.platform.i18n.Text;

/**
 * Gaps (责任死角): power items no duty exercises, power items exercised only through vacant posts,
 * and duties whose post is vacant with no filled AB backup to cover it.
 */
final class GapAnalyzer {

    private static final Set<String> SERIOUS = Set.of("licensing", "penalty", "coercion", "levy");

    private final Projection p;
    private final Findings findings;

    GapAnalyzer(Findings findings) {
        this.p = findings.p;
        this.findings = findings;
    }

    void run() {
        var holders = new ArrayList<List<Integer>>();
        for (int i = 0; i < p.powerItems.size(); i++) holders.add(new ArrayList<>());
        for (int d = 0; d < p.dutyCount(); d++) {
            for (int item : p.dutyPowerItems[d]) holders.get(item).add(d);
        }
        for (int item = 0; item < p.powerItems.size(); item++) {
            checkItem(item, holders.get(item));
        }
        for (int d = 0; d < p.dutyCount(); d++) {
            checkDuty(d);
        }
    }

    /** Gaps of the given items (with every duty exercising each) and of the given duties. */
    void runFor(java.util.Map<Integer, List<Integer>> itemDuties, java.util.Collection<Integer> duties) {
        itemDuties.forEach(this::checkItem);
        duties.forEach(this::checkDuty);
    }

    private void checkItem(int item, List<Integer> duties) {
        var severity =
                SERIOUS.contains(p.powerItemCategories.get(item)) ? Finding.Severity.HIGH : Finding.Severity.MEDIUM;
        if (duties.isEmpty()) {
            var draft = findings.draft(Finding.Kind.GAP, "unheld|" + p.powerItems.id(item), severity);
            draft.powerItems.add(item);
            draft.evidence.add("(" + p.powerItems.id(item) + ") has no incoming [:EXERCISES] from any active duty");
            draft.explain(
                    Text.of(ExplanationTexts.ITEM_WITHOUT_DUTY, p.powerItemNames.get(item), p.powerItems.id(item)));
        } else if (duties.stream().allMatch(this::uncovered)) {
            var draft = findings.draft(Finding.Kind.GAP, "vacant-item|" + p.powerItems.id(item), severity);
            duties.forEach(draft::duty);
            draft.powerItems.add(item);
            duties.forEach(d -> draft.evidence.add(vacancyPath(d)));
            draft.explain(
                    Text.of(ExplanationTexts.ITEM_ONLY_VACANT, p.powerItemNames.get(item), p.powerItems.id(item)));
        }
    }

    private void checkDuty(int d) {
        if (uncovered(d)) {
            var draft = findings.draft(Finding.Kind.GAP, "vacant-duty|" + p.duties.id(d), Finding.Severity.MEDIUM)
                    .duty(d);
            draft.evidence.add(vacancyPath(d));
            draft.explain(Text.of(
                    ExplanationTexts.DUTY_ON_VACANT_POST,
                    p.dutyTexts.get(d),
                    findings.post(p.dutyPost[d]),
                    p.duties.id(d),
                    p.posts.id(p.dutyPost[d])));
        }
    }

    /** Held by a vacant post whose AB backup is missing or vacant too. */
    private boolean uncovered(int duty) {
        int post = p.dutyPost[duty];
        if (post < 0 || !p.postVacant[post]) return false;
        int backup = p.postBackup[post];
        return backup < 0 || p.postVacant[backup];
    }

    private String vacancyPath(int duty) {
        int post = p.dutyPost[duty];
        int backup = p.postBackup[post];
        return "(" + p.duties.id(duty) + ")-[:HELD_BY]->(" + p.posts.id(post) + " vacant)"
                + (backup < 0 ? " with no [:BACKED_UP_BY]" : "-[:BACKED_UP_BY]->(" + p.posts.id(backup) + " vacant)");
    }
}
