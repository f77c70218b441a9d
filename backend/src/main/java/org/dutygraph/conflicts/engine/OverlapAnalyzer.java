package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dutygraph.platform.i18n.Text;

/**
 * Overlaps: duties of units outside each other's decomposition whose actions match (equal or one
 * broader), whose objects are equal or one an ancestor of the other, and whose territories are
 * equal or nested, unless one lead/cooperate arrangement with exactly one lead covers both.
 *
 * <p>Duties are bucketed by object; each duty looks only into the buckets of its objects and their
 * ancestors, so the work grows with duties times taxonomy depth times bucket size, never all pairs.
 */
final class OverlapAnalyzer {

    private final Projection p;
    private final Findings findings;
    /** Lead duties per arrangement, counted once per analyzer (a scan of every duty). */
    private Map<String, Integer> leads;

    OverlapAnalyzer(Findings findings) {
        this.p = findings.p;
        this.findings = findings;
    }

    void run() {
        var leads = leads();
        reportDoubleLeads(leads, arrangement -> true);
        var buckets = new int[p.concepts.size()][];
        buckets(p)
                .forEach((o, duties) ->
                        buckets[o] = duties.stream().mapToInt(Integer::intValue).toArray());
        // each bucket's duties' units side by side, so that the many pairs of one unit are passed over in a scan
        var bucketUnits = new int[buckets.length][];
        for (int o = 0; o < buckets.length; o++) {
            if (buckets[o] == null) continue;
            bucketUnits[o] = new int[buckets[o].length];
            for (int i = 0; i < buckets[o].length; i++) bucketUnits[o][i] = p.dutyUnit[buckets[o][i]];
        }
        var ancestors = new int[p.concepts.size()][];
        for (int c = 0; c < ancestors.length; c++) ancestors[c] = ancestorsOrSelf(c);
        // The pairs are tested in slices of duties side by side and reported in duty order, as one pass would.
        int slices = 4 * Runtime.getRuntime().availableProcessors();
        int size = (p.dutyCount() + slices - 1) / slices;
        var candidates = IntStream.range(0, slices)
                .parallel()
                .mapToObj(slice -> candidates(
                        slice * size,
                        Math.min(p.dutyCount(), (slice + 1) * size),
                        buckets,
                        bucketUnits,
                        ancestors,
                        leads))
                .toList();
        var reported = new HashSet<Long>();
        for (var slice : candidates) {
            for (int i = 0; i < slice.length; i += 4) {
                if (reported.add(pair(slice[i], slice[i + 2])))
                    report(slice[i], slice[i + 1], slice[i + 2], slice[i + 3]);
            }
        }
    }

    /** The conflicting (duty, object, partner, partner's object) of duties {@code from} to {@code to}, in order. */
    private int[] candidates(
            int from, int to, int[][] buckets, int[][] bucketUnits, int[][] ancestors, Map<String, Integer> leads) {
        var found = new int[64];
        int count = 0;
        for (int d = from; d < to; d++) {
            if (!p.isCoded(d)) continue;
            int ud = p.dutyUnit[d];
            for (int o : p.dutyObjects[d]) {
                for (int a : ancestors[o]) {
                    var bucket = buckets[a];
                    if (bucket == null) continue;
                    var units = bucketUnits[a];
                    // in its own object's bucket (in duty order) a duty pairs only with the duties after it
                    int start = 0;
                    if (a == o) {
                        start = java.util.Arrays.binarySearch(bucket, d);
                        start = start >= 0 ? start + 1 : -start - 1;
                    }
                    for (int i = start; i < bucket.length; i++) {
                        if (units[i] == ud) continue; // one unit's own duties never conflict
                        int e = bucket[i];
                        if (e == d) continue;
                        if (conflict(d, e, leads)) {
                            if (count + 4 > found.length) found = java.util.Arrays.copyOf(found, found.length * 2);
                            found[count++] = d;
                            found[count++] = o;
                            found[count++] = e;
                            found[count++] = a;
                        }
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** Coded duties by object concept. */
    static Map<Integer, List<Integer>> buckets(Projection p) {
        var buckets = new HashMap<Integer, List<Integer>>();
        for (int d = 0; d < p.dutyCount(); d++) {
            if (!p.isCoded(d)) continue;
            for (int o : p.dutyObjects[d])
                buckets.computeIfAbsent(o, k -> new ArrayList<>()).add(d);
        }
        return buckets;
    }

    /**
     * Overlaps of the given duties with any other duty: partners on the same, broader and narrower
     * objects, looked up in the buckets. Every finding keyed by a unit of these duties is complete.
     */
    void runFor(
            java.util.Collection<Integer> duties,
            Map<Integer, List<Integer>> buckets,
            Map<Integer, List<Integer>> narrower) {
        var leads = leads();
        var reported = new HashSet<Long>();
        for (int d : duties) {
            if (!p.isCoded(d)) continue;
            for (int o : p.dutyObjects[d]) {
                for (int a : ancestorsOrSelf(o)) {
                    for (int e : buckets.getOrDefault(a, List.of())) {
                        if (e != d && conflict(d, e, leads) && reported.add(pair(d, e))) report(d, o, e, a);
                    }
                }
                var below = new java.util.ArrayDeque<>(narrower.getOrDefault(o, List.of()));
                while (!below.isEmpty()) {
                    int n = below.pop();
                    for (int e : buckets.getOrDefault(n, List.of())) {
                        if (e != d && conflict(e, d, leads) && reported.add(pair(d, e))) report(e, n, d, o);
                    }
                    below.addAll(narrower.getOrDefault(n, List.of()));
                }
            }
        }
    }

    void reportArrangements(java.util.Set<String> arrangements) {
        reportDoubleLeads(leads(), arrangements::contains);
    }

    private static long pair(int d, int e) {
        return Math.min(d, e) * (long) Integer.MAX_VALUE + Math.max(d, e);
    }

    private int[] ancestorsOrSelf(int concept) {
        var list = new ArrayList<Integer>();
        for (int c = concept; c >= 0 && list.size() < 100; c = p.conceptParent[c]) list.add(c);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean conflict(int d, int e, Map<String, Integer> leads) {
        int ud = p.dutyUnit[d];
        int ue = p.dutyUnit[e];
        if (ud == ue
                || Projection.isAncestorOrSelf(p.unitParent, ud, ue)
                || Projection.isAncestorOrSelf(p.unitParent, ue, ud)) {
            return false;
        }
        if (!Projection.nested(p.conceptParent, p.dutyAction[d], p.dutyAction[e])) {
            return false;
        }
        int ad = p.effectiveArea(d);
        int ae = p.effectiveArea(e);
        if (ad >= 0 && ae >= 0 && !Projection.nested(p.areaParent, ad, ae)) {
            return false;
        }
        var arrangement = p.dutyArrangements.get(d);
        // Duties of one arrangement are judged as an arrangement (reportDoubleLeads), not pair by pair.
        return arrangement == null || !arrangement.equals(p.dutyArrangements.get(e));
    }

    /** Reports duty d on object od overlapping duty e on object oe (oe is od or an ancestor of it). */
    private void report(int d, int od, int e, int oe) {
        int ud = p.dutyUnit[d];
        int ue = p.dutyUnit[e];
        var first = p.units.id(ud).compareTo(p.units.id(ue)) < 0 ? ud : ue;
        var second = first == ud ? ue : ud;
        var draft = findings.draft(
                Finding.Kind.OVERLAP,
                p.units.id(first) + "|" + p.units.id(second) + "|" + p.concepts.id(oe),
                Finding.Severity.HIGH);
        draft.duty(d).duty(e);
        draft.evidence.add(path(d, od, oe, e));
        draft.evidence.add("(" + p.duties.id(d) + ")-[:ACTION]->(" + p.concepts.id(p.dutyAction[d]) + ") ~ ("
                + p.concepts.id(p.dutyAction[e]) + ")<-[:ACTION]-(" + p.duties.id(e) + ")");
        var ad = p.effectiveArea(d);
        var ae = p.effectiveArea(e);
        if (ad >= 0 && ae >= 0) {
            draft.evidence.add("area " + p.areas.id(ad) + (ad == ae ? " = " : " ~ ") + p.areas.id(ae));
        }
        draft.explain(Text.of(
                ExplanationTexts.OVERLAP,
                findings.unit(first),
                findings.unit(second),
                findings.concept(oe),
                findings.concept(p.dutyAction[e]),
                p.units.id(first),
                p.units.id(second),
                p.concepts.id(p.dutyAction[e]),
                p.concepts.id(oe)));
    }

    private String path(int d, int od, int oe, int e) {
        var sb = new StringBuilder("(" + p.duties.id(d) + ")-[:ON_OBJECT]->(" + p.concepts.id(od) + ")");
        for (int c = od; c != oe && c >= 0; c = p.conceptParent[c]) {
            sb.append("-[:BROADER]->(")
                    .append(p.concepts.id(p.conceptParent[c]))
                    .append(")");
        }
        return sb.append("<-[:ON_OBJECT]-(").append(p.duties.id(e)).append(")").toString();
    }

    private Map<String, Integer> leads() {
        if (leads == null) {
            leads = arrangementLeads();
        }
        return leads;
    }

    private Map<String, Integer> arrangementLeads() {
        var leads = new HashMap<String, Integer>();
        for (int d = 0; d < p.dutyCount(); d++) {
            var arrangement = p.dutyArrangements.get(d);
            if (arrangement != null && p.dutyUnit[d] >= 0) {
                leads.merge(arrangement, "lead".equals(p.dutyRoles.get(d)) ? 1 : 0, Integer::sum);
            }
        }
        return leads;
    }

    /** An arrangement with more than one lead, or none, settles nothing: one matter, one lead unit. */
    private void reportDoubleLeads(Map<String, Integer> leads, java.util.function.Predicate<String> include) {
        var members = new HashMap<String, List<Integer>>();
        for (int d = 0; d < p.dutyCount(); d++) {
            var arrangement = p.dutyArrangements.get(d);
            if (arrangement != null && p.dutyUnit[d] >= 0 && leads.get(arrangement) != 1 && include.test(arrangement)) {
                members.computeIfAbsent(arrangement, k -> new ArrayList<>()).add(d);
            }
        }
        members.forEach((arrangement, duties) -> {
            var draft = findings.draft(Finding.Kind.OVERLAP, "arrangement|" + arrangement, Finding.Severity.HIGH);
            duties.forEach(draft::duty);
            duties.forEach(d -> draft.evidence.add("(" + p.duties.id(d) + " {arrangementId: '" + arrangement
                    + "', role: '" + p.dutyRoles.get(d) + "'})-[:HELD_BY]->("
                    + (p.dutyPost[d] >= 0 ? p.posts.id(p.dutyPost[d]) : p.units.id(p.dutyUnit[d])) + ")"));
            int count = leads.get(arrangement);
            draft.explain(Text.of(ExplanationTexts.ARRANGEMENT_LEADS, arrangement, count));
        });
    }
}
