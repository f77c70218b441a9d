package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projection and findings of the last full analysis, kept in memory with the indexes needed to
 * re-analyse only what a change of some duties can affect: the units holding them (before and after),
 * the power items they exercise and the arrangements they belong to. Not thread-safe: one analysis
 * runs at a time.
 */
public final class LiveAnalysis {

    /**
     * What an incremental analysis changed: findings to store, ids of findings no longer true, and ids of findings
     * it could have changed but did not recompute (candidate overlaps of a graph too large for a pass over all
     * wording), stale until the next full analysis.
     */
    public record Delta(List<Finding> upserts, List<String> removedIds, List<String> staleIds, int scopeUnits) {}

    private final Projection p;
    private final EngineSettings settings;
    private final Explanations words;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> buckets;
    private final Map<Integer, List<Integer>> narrower = new HashMap<>();
    private final Map<Integer, List<Integer>> unitDuties = new HashMap<>();
    private final Map<Integer, List<Integer>> itemDuties = new HashMap<>();
    private final List<List<Integer>> postsOfUnit;
    private final Set<String> arrangements = new HashSet<>();

    private LiveAnalysis(Projection p, List<Finding> found, EngineSettings settings, Explanations words) {
        this.p = p;
        this.settings = settings;
        this.words = words;
        found.forEach(f -> findings.put(f.id(), f));
        buckets = OverlapAnalyzer.buckets(p);
        for (int c = 0; c < p.concepts.size(); c++) {
            if (p.conceptParent[c] >= 0)
                narrower.computeIfAbsent(p.conceptParent[c], k -> new ArrayList<>())
                        .add(c);
        }
        for (int d = 0; d < p.dutyCount(); d++) index(d);
        postsOfUnit = LoadAnalyzer.postsOfUnit(p);
    }

    public static LiveAnalysis of(
            Projection projection, List<Finding> findings, EngineSettings settings, Explanations words) {
        return new LiveAnalysis(projection, findings, settings, words);
    }

    public int dutyCount() {
        return p.dutyCount();
    }

    /**
     * Applies the changed duties and re-analyses their scope. Returns null when the change needs a full
     * analysis: references the projection does not know (new units, posts, concepts, areas or items) or
     * uncoded wording, which only the corpus-wide text comparison can judge.
     */
    public Delta apply(List<DutyChange> changes) {
        var resolved = new ArrayList<int[]>();
        for (var change : changes) {
            var refs = resolve(change);
            if (refs == null) return null;
            int d = p.duties.of(change.id());
            if (d >= 0 && p.dutyUnit[d] >= 0 && !p.isCoded(d)) return null;
            resolved.add(refs);
        }
        var units = new LinkedHashSet<Integer>();
        var items = new LinkedHashSet<Integer>();
        var touchedArrangements = new HashSet<String>();
        var duties = new ArrayList<Integer>();
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            int d = p.duties.of(change.id());
            if (d >= 0) {
                scope(d, units, items, touchedArrangements);
                unindex(d);
            } else if (!change.exists()) {
                continue;
            } else {
                d = append(change.id());
            }
            write(d, change, resolved.get(i));
            index(d);
            scope(d, units, items, touchedArrangements);
            duties.add(d);
        }
        return reanalyse(units, items, touchedArrangements, duties);
    }

    private Delta reanalyse(
            Set<Integer> units, Set<Integer> items, Set<String> touchedArrangements, List<Integer> changed) {
        var drafts = new Findings(p, new Chains(p), words);
        var scopeDuties = new ArrayList<Integer>();
        units.forEach(u -> scopeDuties.addAll(unitDuties.getOrDefault(u, List.of())));
        var overlaps = new OverlapAnalyzer(drafts);
        overlaps.runFor(scopeDuties, buckets, narrower);
        overlaps.reportArrangements(touchedArrangements);
        new RoleConflictAnalyzer(drafts, settings).runOn(scopeDuties);
        var load = new LoadAnalyzer(drafts, settings);
        units.forEach(u -> load.loadOf(u, postsOfUnit.get(u), unitDuties.getOrDefault(u, List.of())));
        var holders = new LinkedHashMap<Integer, List<Integer>>();
        items.forEach(item -> holders.put(item, itemDuties.getOrDefault(item, List.of())));
        new GapAnalyzer(drafts).runFor(holders, changed);
        boolean refreshCandidates = !changed.isEmpty() && p.dutyCount() <= settings.candidateRefreshDuties();
        if (refreshCandidates) new TextSimilarityAnalyzer(drafts, settings).run();
        var fresh = drafts.build();

        var unitIds = new HashSet<String>();
        units.forEach(u -> unitIds.add(p.units.id(u)));
        var owned = new HashSet<String>();
        touchedArrangements.forEach(a -> owned.add(Finding.idOf(Finding.Kind.OVERLAP, "arrangement|" + a)));
        items.forEach(item -> {
            owned.add(Finding.idOf(Finding.Kind.GAP, "unheld|" + p.powerItems.id(item)));
            owned.add(Finding.idOf(Finding.Kind.GAP, "vacant-item|" + p.powerItems.id(item)));
        });
        changed.forEach(d -> owned.add(Finding.idOf(Finding.Kind.GAP, "vacant-duty|" + p.duties.id(d))));
        var arrangementIds = new HashSet<String>();
        arrangements.forEach(a -> arrangementIds.add(Finding.idOf(Finding.Kind.OVERLAP, "arrangement|" + a)));
        var removed = new ArrayList<String>();
        var previous = new HashMap<String, Finding>();
        for (var old : List.copyOf(findings.values())) {
            boolean inScopeUnits = old.units().stream().anyMatch(unitIds::contains);
            boolean scoped = switch (old.kind()) {
                case OVERLAP -> arrangementIds.contains(old.id()) ? owned.contains(old.id()) : inScopeUnits;
                case ROLE_CONFLICT, LOAD -> inScopeUnits;
                case GAP -> owned.contains(old.id());
                case CANDIDATE_OVERLAP -> refreshCandidates;
                default -> false;
            };
            if (scoped) {
                findings.remove(old.id());
                removed.add(old.id());
                previous.put(old.id(), old);
            }
        }
        var unchanged = new HashSet<String>();
        for (var f : fresh) {
            findings.put(f.id(), f);
            // a candidate overlap recomputed as it was is not rewritten (they are recomputed over the whole graph)
            if (f.kind() == Finding.Kind.CANDIDATE_OVERLAP && f.equals(previous.get(f.id()))) unchanged.add(f.id());
        }
        var freshIds = new HashSet<String>();
        fresh.forEach(f -> freshIds.add(f.id()));
        removed.removeIf(freshIds::contains);
        var upserts = fresh.stream().filter(f -> !unchanged.contains(f.id())).toList();
        var stale = changed.isEmpty() || refreshCandidates
                ? List.<String>of()
                : findings.values().stream()
                        .filter(f -> f.kind() == Finding.Kind.CANDIDATE_OVERLAP)
                        .map(Finding::id)
                        .toList();
        return new Delta(upserts, removed, stale, units.size());
    }

    private void scope(int d, Set<Integer> units, Set<Integer> items, Set<String> touchedArrangements) {
        if (p.dutyUnit[d] < 0) return;
        units.add(p.dutyUnit[d]);
        for (int item : p.dutyPowerItems[d]) items.add(item);
        if (p.dutyArrangements.get(d) != null) touchedArrangements.add(p.dutyArrangements.get(d));
    }

    /** {unit, post, action, area, objects..., -1, items...}; null when something is unknown. */
    private int[] resolve(DutyChange change) {
        if (!change.exists()) return new int[] {-1, -1, -1, -1, -1};
        if (change.actionId() == null || change.objectIds().isEmpty()) return null;
        int post = change.byPost() ? p.posts.of(change.holderId()) : -1;
        int unit = change.byPost() ? (post >= 0 ? p.postUnit[post] : -1) : p.units.of(change.holderId());
        int action = p.concepts.of(change.actionId());
        int area = p.areas.of(change.areaId());
        if (unit < 0 || action < 0 || (change.areaId() != null && area < 0)) return null;
        var refs = new ArrayList<Integer>(List.of(unit, post, action, area));
        for (var object : change.objectIds()) {
            int o = p.concepts.of(object);
            if (o < 0) return null;
            refs.add(o);
        }
        refs.add(-1);
        for (var item : change.itemIds()) {
            int i = p.powerItems.of(item);
            if (i < 0) return null;
            refs.add(i);
        }
        return refs.stream().mapToInt(Integer::intValue).toArray();
    }

    private void write(int d, DutyChange change, int[] refs) {
        p.dutyUnit[d] = refs[0];
        p.dutyPost[d] = refs[1];
        p.dutyAction[d] = refs[2];
        p.dutyOwnArea[d] = refs[3];
        int split = 4;
        while (split < refs.length && refs[split] != -1) split++;
        // in ascending order, as the full read keeps them
        p.dutyObjects[d] = split <= 4 ? new int[0] : ProjectionPatch.canonical(Arrays.copyOfRange(refs, 4, split));
        p.dutyPowerItems[d] = split + 1 >= refs.length
                ? new int[0]
                : ProjectionPatch.canonical(Arrays.copyOfRange(refs, split + 1, refs.length));
        p.dutyTexts.set(d, change.exists() ? change.text() : null);
        p.dutyRoles.set(d, change.role());
        p.dutyArrangements.set(d, change.exists() ? change.arrangement() : null);
        if (change.arrangement() != null) arrangements.add(change.arrangement());
    }

    private int append(String id) {
        int d = p.duties.add(id);
        if (d >= p.dutyUnit.length) {
            int capacity = Math.max(16, p.dutyUnit.length * 2);
            p.dutyUnit = Arrays.copyOf(p.dutyUnit, capacity);
            p.dutyPost = Arrays.copyOf(p.dutyPost, capacity);
            p.dutyAction = Arrays.copyOf(p.dutyAction, capacity);
            p.dutyOwnArea = Arrays.copyOf(p.dutyOwnArea, capacity);
            p.dutyObjects = Arrays.copyOf(p.dutyObjects, capacity);
            p.dutyPowerItems = Arrays.copyOf(p.dutyPowerItems, capacity);
        }
        p.dutyTexts.add(null);
        p.dutyRoles.add(null);
        p.dutyArrangements.add(null);
        return d;
    }

    private void index(int d) {
        if (p.dutyUnit[d] < 0) return;
        unitDuties.computeIfAbsent(p.dutyUnit[d], k -> new ArrayList<>()).add(d);
        for (int item : p.dutyPowerItems[d])
            itemDuties.computeIfAbsent(item, k -> new ArrayList<>()).add(d);
        if (p.isCoded(d)) {
            for (int o : p.dutyObjects[d])
                buckets.computeIfAbsent(o, k -> new ArrayList<>()).add(d);
        }
        if (p.dutyArrangements.get(d) != null) arrangements.add(p.dutyArrangements.get(d));
    }

    private void unindex(int d) {
        if (p.dutyUnit[d] < 0) return;
        Integer boxed = d;
        unitDuties.getOrDefault(p.dutyUnit[d], new ArrayList<>()).remove(boxed);
        for (int item : p.dutyPowerItems[d])
            itemDuties.getOrDefault(item, new ArrayList<>()).remove(boxed);
        for (int o : p.dutyObjects[d])
            buckets.getOrDefault(o, new ArrayList<>()).remove(boxed);
    }

    Collection<Finding> findings() {
        return findings.values();
    }
}
