package org.dutygraph.conflicts.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dutygraph.platform.i18n.Text;

/** Multi-head management (多头管理): units under more than one in-charge supervisor, and supervision cycles. */
final class SupervisionAnalyzer {

    private final Projection p;
    private final Findings findings;

    SupervisionAnalyzer(Findings findings) {
        this.p = findings.p;
        this.findings = findings;
    }

    void run() {
        var inCharge = new ArrayList<List<Integer>>();
        for (int u = 0; u < p.units.size(); u++) inCharge.add(new ArrayList<>());
        for (int i = 0; i < p.supervision.size(); i++) {
            int post = p.supervision.get(i)[0];
            int unit = p.supervision.get(i)[1];
            if (p.supervisionInCharge.get(i) && !inCharge.get(unit).contains(post))
                inCharge.get(unit).add(post);
        }
        for (int unit = 0; unit < p.units.size(); unit++) {
            final int u = unit;
            var supervisors = inCharge.get(u);
            if (supervisors.size() < 2) continue;
            var draft = findings.draft(Finding.Kind.MULTI_HEAD, "in-charge|" + p.units.id(u), Finding.Severity.MEDIUM);
            draft.units.add(u);
            // Whoever directs all the supervisors settles which one is in charge.
            draft.arbiterPosts = List.copyOf(supervisors);
            supervisors.forEach(post -> {
                draft.posts.add(post);
                draft.evidence.add(
                        "(" + p.posts.id(post) + ")-[:SUPERVISES {kind: 'in_charge'}]->(" + p.units.id(u) + ")");
            });
            draft.explain(Text.of(ExplanationTexts.MULTI_HEAD, findings.unit(u), p.units.id(u), supervisors.size()));
        }
        cycles();
    }

    /** Cycles in "unit is directed from unit" (parent units and the units of supervising posts), by Tarjan. */
    private void cycles() {
        int n = p.units.size();
        var edges = new ArrayList<List<Integer>>();
        for (int u = 0; u < n; u++) {
            edges.add(new ArrayList<>());
            if (p.unitParent[u] >= 0) edges.get(u).add(p.unitParent[u]);
        }
        for (var s : p.supervision) {
            int from = s[1];
            int to = p.postUnit[s[0]];
            if (to >= 0 && to != from) edges.get(from).add(to);
        }
        var index = new int[n];
        var low = new int[n];
        var onStack = new boolean[n];
        Arrays.fill(index, -1);
        var stack = new ArrayDeque<Integer>();
        int[] counter = {0};
        for (int start = 0; start < n; start++) {
            if (index[start] >= 0) continue;
            // iterative Tarjan: frames of (node, next edge position)
            var frames = new ArrayDeque<int[]>();
            frames.push(new int[] {start, 0});
            index[start] = low[start] = counter[0]++;
            stack.push(start);
            onStack[start] = true;
            while (!frames.isEmpty()) {
                var frame = frames.peek();
                int v = frame[0];
                if (frame[1] < edges.get(v).size()) {
                    int w = edges.get(v).get(frame[1]++);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter[0]++;
                        stack.push(w);
                        onStack[w] = true;
                        frames.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    frames.pop();
                    if (!frames.isEmpty()) low[frames.peek()[0]] = Math.min(low[frames.peek()[0]], low[v]);
                    if (low[v] == index[v]) {
                        var component = new ArrayList<Integer>();
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component.add(w);
                        } while (w != v);
                        if (component.size() > 1) reportCycle(component);
                    }
                }
            }
        }
    }

    private void reportCycle(List<Integer> component) {
        var ids = component.stream().map(p.units::id).sorted().toList();
        var draft = findings.draft(Finding.Kind.MULTI_HEAD, "cycle|" + String.join(",", ids), Finding.Severity.HIGH);
        component.forEach(draft.units::add);
        draft.arbiterUnits = List.of();
        for (var s : p.supervision) {
            if (component.contains(s[1]) && component.contains(p.postUnit[s[0]]) && p.postUnit[s[0]] != s[1]) {
                draft.posts.add(s[0]);
                draft.evidence.add("(" + p.posts.id(s[0]) + ")-[:IN_ORG]->(" + p.units.id(p.postUnit[s[0]]) + "); ("
                        + p.posts.id(s[0]) + ")-[:SUPERVISES]->(" + p.units.id(s[1]) + ")");
            }
        }
        draft.explain(Text.of(ExplanationTexts.SUPERVISION_CYCLE, String.join("、", ids), String.join(", ", ids)));
    }
}
