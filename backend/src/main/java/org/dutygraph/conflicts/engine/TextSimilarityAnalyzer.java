package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dutygraph.platform.i18n.Text;

/**
 * Candidate overlaps among duties not yet coded: near-identical Chinese wording in unrelated units,
 * found by MinHash over character bigrams with banded locality-sensitive hashing (candidates only
 * from shared buckets, then checked by exact Jaccard similarity), so the cost grows with the number
 * of duties, not its square. Coded duties in the same cluster are offered as candidate codings.
 */
final class TextSimilarityAnalyzer {

    private static final int HASHES = 32;
    private static final int ROWS = 2;
    /** A bucket this large holds boilerplate wording shared by everyone; it is skipped, not paired. */
    private static final int MAX_BUCKET = 200;

    private final Projection p;
    private final Findings findings;
    private final double threshold;
    private final int maxUnits;

    TextSimilarityAnalyzer(Findings findings, EngineSettings settings) {
        this.p = findings.p;
        this.findings = findings;
        this.threshold = settings.textSimilarity();
        this.maxUnits = settings.boilerplateUnits();
    }

    void run() {
        int n = p.dutyCount();
        var shingles = new HashMap<Integer, Set<String>>();
        var buckets = new HashMap<Long, List<Integer>>();
        boolean anyUncoded = false;
        for (int d = 0; d < n; d++) {
            anyUncoded |= !p.isCoded(d);
        }
        if (!anyUncoded) return;
        for (int d = 0; d < n; d++) {
            var bigrams = bigrams(p.dutyTexts.get(d));
            if (bigrams.size() < 2) continue;
            shingles.put(d, bigrams);
            var signature = minHash(bigrams);
            for (int band = 0; band < HASHES / ROWS; band++) {
                long key = band;
                for (int r = 0; r < ROWS; r++) key = key * 1_000_003L + signature[band * ROWS + r];
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
            }
        }
        var parent = new HashMap<Integer, Integer>();
        for (var bucket : buckets.values()) {
            if (bucket.size() < 2 || bucket.size() > MAX_BUCKET) continue;
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    int a = bucket.get(i);
                    int b = bucket.get(j);
                    if (p.isCoded(a) && p.isCoded(b)) continue;
                    if (jaccard(shingles.get(a), shingles.get(b)) >= threshold) union(parent, a, b);
                }
            }
        }
        var clusters = new HashMap<Integer, TreeSet<Integer>>();
        for (int d : parent.keySet())
            clusters.computeIfAbsent(find(parent, d), k -> new TreeSet<>()).add(d);
        clusters.values().forEach(this::report);
    }

    private void report(TreeSet<Integer> cluster) {
        var units = new TreeSet<Integer>();
        cluster.forEach(d -> units.add(p.dutyUnit[d]));
        // Wording shared by many units is routine boilerplate (every office runs its own paperwork), not a collision.
        if (!hasUnrelatedUnits(units) || units.size() > maxUnits) return;
        var anchor = cluster.stream()
                .filter(d -> !p.isCoded(d))
                .map(d -> p.duties.id(d))
                .sorted()
                .findFirst()
                .orElseThrow();
        var draft = findings.draft(Finding.Kind.CANDIDATE_OVERLAP, anchor, Finding.Severity.LOW);
        cluster.forEach(d -> {
            draft.duty(d);
            draft.evidence.add("(" + p.duties.id(d) + " {text: '" + p.dutyTexts.get(d) + "'})"
                    + (p.isCoded(d)
                            ? " coded as " + p.concepts.id(p.dutyAction[d]) + " on " + ids(p.dutyObjects[d])
                            : " uncoded"));
        });
        var coded = cluster.stream().filter(p::isCoded).findFirst();
        var suggestion = coded.map(d -> Text.of(
                        ExplanationTexts.SIMILAR_WORDING_CODING, p.duties.id(d), findings.concept(p.dutyAction[d])))
                .orElse(Text.verbatim(""));
        draft.explain(Text.of(ExplanationTexts.SIMILAR_WORDING, units.size(), suggestion));
    }

    private boolean hasUnrelatedUnits(Set<Integer> units) {
        for (int a : units) {
            for (int b : units) {
                if (a < b && !Projection.nested(p.unitParent, a, b)) return true;
            }
        }
        return false;
    }

    private List<String> ids(int[] concepts) {
        var result = new ArrayList<String>();
        for (int c : concepts) result.add(p.concepts.id(c));
        return result;
    }

    static Set<String> bigrams(String text) {
        var clean = text == null ? "" : text.replaceAll("[\\s\\p{Punct}，。、；：（）《》「」“”]", "");
        var result = new HashSet<String>();
        for (int i = 0; i + 1 < clean.length(); i++) result.add(clean.substring(i, i + 2));
        return result;
    }

    private static int[] minHash(Set<String> bigrams) {
        var signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (var bigram : bigrams) {
            int h = bigram.hashCode();
            for (int k = 0; k < HASHES; k++) {
                int v = mix(h ^ (0x9E3779B9 * (k + 1)));
                if (v < signature[k]) signature[k] = v;
            }
        }
        return signature;
    }

    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int shared = 0;
        for (var s : a) if (b.contains(s)) shared++;
        return (double) shared / (a.size() + b.size() - shared);
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        parent.putIfAbsent(x, x);
        while (parent.get(x) != x) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        parent.put(find(parent, a), find(parent, b));
    }
}
