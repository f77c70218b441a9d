package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dutygraph.platform.i18n.Text;

/**
 * Fragmentation and uneven load (分工过细, 忙闲不均): sections with no posts or only one, posts with
 * no duties (one finding per unit), and posts with far more duties than their unit's median.
 */
final class LoadAnalyzer {

    private final Projection p;
    private final Findings findings;
    private final EngineSettings settings;

    LoadAnalyzer(Findings findings, EngineSettings settings) {
        this.p = findings.p;
        this.findings = findings;
        this.settings = settings;
    }

    void run() {
        var postsOfUnit = postsOfUnit(p);
        var dutiesOfPost = new int[p.posts.size()];
        for (int d = 0; d < p.dutyCount(); d++) {
            if (p.dutyPost[d] >= 0) dutiesOfPost[p.dutyPost[d]]++;
        }
        for (int u = 0; u < p.units.size(); u++) {
            fragmentation(u, postsOfUnit.get(u));
            load(u, postsOfUnit.get(u), dutiesOfPost);
        }
    }

    static List<List<Integer>> postsOfUnit(Projection p) {
        var postsOfUnit = new ArrayList<List<Integer>>();
        for (int u = 0; u < p.units.size(); u++) postsOfUnit.add(new ArrayList<>());
        for (int post = 0; post < p.posts.size(); post++) {
            if (p.postUnit[post] >= 0) postsOfUnit.get(p.postUnit[post]).add(post);
        }
        return postsOfUnit;
    }

    /** Load findings of one unit, whose posts' duties are all among {@code unitDuties}. */
    void loadOf(int unit, List<Integer> posts, java.util.Collection<Integer> unitDuties) {
        var dutiesOfPost = new int[p.posts.size()];
        for (int d : unitDuties) {
            if (p.dutyPost[d] >= 0) dutiesOfPost[p.dutyPost[d]]++;
        }
        load(unit, posts, dutiesOfPost);
    }

    private void fragmentation(int u, List<Integer> posts) {
        if ("section".equals(p.unitClassifications.get(u)) && posts.size() <= 1) {
            var draft = findings.draft(
                    Finding.Kind.FRAGMENTATION,
                    (posts.isEmpty() ? "empty|" : "one-person|") + p.units.id(u),
                    Finding.Severity.LOW);
            draft.units.add(u);
            posts.forEach(draft.posts::add);
            draft.evidence.add("(" + p.units.id(u) + ") has " + posts.size() + " incoming [:IN_ORG]");
            draft.explain(Text.of(
                    posts.isEmpty() ? ExplanationTexts.SECTION_WITHOUT_POSTS : ExplanationTexts.ONE_PERSON_SECTION,
                    findings.unit(u),
                    p.units.id(u)));
        }
    }

    private void load(int u, List<Integer> posts, int[] dutiesOfPost) {
        // Principals and deputies lead rather than hold line duties; their absence of duties is no finding.
        var idle = posts.stream()
                .filter(post -> dutiesOfPost[post] == 0)
                .filter(post -> !"principal".equals(p.postRoles.get(post)) && !"deputy".equals(p.postRoles.get(post)))
                .toList();
        boolean unitHoldsDuties = posts.stream().anyMatch(post -> dutiesOfPost[post] > 0);
        if (!idle.isEmpty() && unitHoldsDuties) {
            var draft = findings.draft(Finding.Kind.LOAD, "idle|" + p.units.id(u), Finding.Severity.LOW);
            draft.units.add(u);
            idle.forEach(draft.posts::add);
            idle.forEach(post -> draft.evidence.add("(" + p.posts.id(post) + ") has no incoming [:HELD_BY]"));
            draft.explain(Text.of(ExplanationTexts.IDLE_POSTS, findings.unit(u), p.units.id(u), idle.size()));
        }
        overloaded(u, posts, dutiesOfPost);
    }

    private void overloaded(int unit, List<Integer> posts, int[] dutiesOfPost) {
        if (posts.size() < 3) return;
        var counts =
                posts.stream().mapToInt(post -> dutiesOfPost[post]).sorted().toArray();
        double median = counts.length % 2 == 1
                ? counts[counts.length / 2]
                : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2.0;
        for (int post : posts) {
            int n = dutiesOfPost[post];
            if (n >= settings.overloadMinimum() && n > settings.overloadFactor() * Math.max(1, median)) {
                var draft =
                        findings.draft(Finding.Kind.LOAD, "overloaded|" + p.posts.id(post), Finding.Severity.MEDIUM);
                draft.units.add(unit);
                draft.posts.add(post);
                draft.evidence.add("(" + p.posts.id(post) + ") has " + n + " incoming [:HELD_BY]; peers in "
                        + p.units.id(unit) + " have a median of " + median + " " + Arrays.toString(counts));
                draft.explain(
                        Text.of(ExplanationTexts.OVERLOADED_POST, findings.post(post), p.posts.id(post), n, median));
            }
        }
    }
}
