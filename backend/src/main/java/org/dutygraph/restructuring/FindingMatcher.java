package org.dutygraph.restructuring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.conflicts.engine.Finding;

/**
 * Pairs the findings of two states that are the same conflict. Duties and power items keep their ids across a
 * restructuring while units and posts may be new, so they decide first: same id; then same kind with the same
 * duties and power items (units and posts only for findings without either); then same kind whose sets overlap
 * by at least half (Jaccard), best pairs first. Each finding is paired at most once.
 */
final class FindingMatcher {

    static final double MIN_SIMILARITY = 0.5;

    record Result(List<OrgComparison.Persisting> persisting, List<Finding> resolved, List<Finding> created) {}

    static Result match(List<Finding> before, List<Finding> after) {
        var open = new ArrayList<>(after);
        var pairs = new HashMap<Finding, Finding>();
        pairByKey(before, open, pairs, Finding::id);
        pairByKey(before, open, pairs, f -> f.kind() + "|" + String.join(",", evidenceIds(f)));
        pairBySimilarity(before, open, pairs);
        var persisting = new ArrayList<OrgComparison.Persisting>();
        var resolved = new ArrayList<Finding>();
        for (var b : before) {
            var a = pairs.get(b);
            if (a == null) resolved.add(b);
            else persisting.add(new OrgComparison.Persisting(b, a));
        }
        return new Result(persisting, resolved, List.copyOf(open));
    }

    private static void pairByKey(
            List<Finding> before,
            List<Finding> open,
            Map<Finding, Finding> pairs,
            java.util.function.Function<Finding, String> key) {
        var byKey = new HashMap<String, List<Finding>>();
        open.forEach(
                a -> byKey.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        for (var b : before) {
            if (pairs.containsKey(b)) continue;
            var candidates = byKey.get(key.apply(b));
            if (candidates != null && !candidates.isEmpty()) {
                var a = candidates.remove(0);
                pairs.put(b, a);
                open.remove(a);
            }
        }
    }

    private static void pairBySimilarity(List<Finding> before, List<Finding> open, Map<Finding, Finding> pairs) {
        record Candidate(Finding before, Finding after, double similarity) {}
        var candidates = new ArrayList<Candidate>();
        var index = new HashMap<String, List<Finding>>();
        for (var a : open) {
            for (var id : evidenceIds(a))
                index.computeIfAbsent(a.kind() + "|" + id, k -> new ArrayList<>())
                        .add(a);
        }
        for (var b : before) {
            if (pairs.containsKey(b)) continue;
            var ids = evidenceIds(b);
            var seen = new HashSet<Finding>();
            for (var id : ids) {
                for (var a : index.getOrDefault(b.kind() + "|" + id, List.of())) {
                    if (!seen.add(a)) continue;
                    var similarity = jaccard(ids, evidenceIds(a));
                    if (similarity >= MIN_SIMILARITY) candidates.add(new Candidate(b, a, similarity));
                }
            }
        }
        candidates.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        var taken = new HashSet<Finding>();
        for (var c : candidates) {
            if (pairs.containsKey(c.before()) || taken.contains(c.after())) continue;
            pairs.put(c.before(), c.after());
            taken.add(c.after());
        }
        open.removeAll(taken);
    }

    /** The duties and power items of a finding, or its units and posts when it names neither. */
    static Set<String> evidenceIds(Finding f) {
        var ids = new java.util.TreeSet<String>();
        f.duties().forEach(d -> ids.add("d:" + d));
        f.powerItems().forEach(i -> ids.add("i:" + i));
        if (ids.isEmpty()) {
            f.units().forEach(u -> ids.add("u:" + u));
            f.posts().forEach(p -> ids.add("p:" + p));
        }
        return ids;
    }

    private static double jaccard(Set<String> x, Set<String> y) {
        int common = 0;
        for (var id : x) if (y.contains(id)) common++;
        int union = x.size() + y.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
