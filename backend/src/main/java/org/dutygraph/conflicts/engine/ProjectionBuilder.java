package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a projection from rows given one by one (an organisation held in memory rather than in the graph), in
 * the shape {@link ProjectionStore} reads: entries ordered by id, references to what is not there left out, a duty
 * whose holder is not there left out. The caller leaves out what is dissolved or withdrawn.
 */
public final class ProjectionBuilder {

    private record Unit(String id, String name, String classification, String parentId, String areaId) {}

    private record Post(
            String id, String label, String role, String unitId, String backupId, String reportsToId, boolean vacant) {}

    private record Duty(
            String id,
            String holderId,
            String text,
            String role,
            String arrangement,
            String action,
            String areaId,
            List<String> objects,
            List<String> powerItems) {}

    private final List<String[]> areas = new ArrayList<>();
    private final List<String[]> concepts = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<String[]> supervision = new ArrayList<>();
    private final List<String[]> powerItems = new ArrayList<>();
    private final List<Duty> duties = new ArrayList<>();

    public void area(String id, String parentId) {
        areas.add(new String[] {id, parentId});
    }

    public void concept(String id, String label, String broaderId) {
        concepts.add(new String[] {id, label, broaderId});
    }

    public void unit(String id, String name, String classification, String parentId, String areaId) {
        units.add(new Unit(id, name, classification, parentId, areaId));
    }

    public void post(
            String id, String label, String role, String unitId, String backupId, String reportsToId, boolean vacant) {
        posts.add(new Post(id, label, role, unitId, backupId, reportsToId, vacant));
    }

    /** @param kind in_charge or principal */
    public void supervision(String postId, String unitId, String kind) {
        supervision.add(new String[] {postId, unitId, kind});
    }

    public void powerItem(String id, String name, String category) {
        powerItems.add(new String[] {id, name, category});
    }

    public void duty(
            String id,
            String holderId,
            String text,
            String role,
            String arrangement,
            String action,
            String areaId,
            List<String> objects,
            List<String> powerItemIds) {
        duties.add(new Duty(
                id,
                holderId,
                text,
                role,
                arrangement,
                action,
                areaId,
                objects == null ? List.of() : objects,
                powerItemIds == null ? List.of() : powerItemIds));
    }

    public Projection build() {
        var p = new Projection();
        var areaRows = sorted(areas, a -> a[0]);
        areaRows.forEach(a -> p.areas.add(a[0]));
        p.areaParent = resolve(areaRows.stream().map(a -> a[1]).toList(), p.areas);
        var conceptRows = sorted(concepts, c -> c[0]);
        conceptRows.forEach(c -> {
            p.concepts.add(c[0]);
            p.conceptLabels.add(c[1]);
        });
        p.conceptParent = resolve(conceptRows.stream().map(c -> c[2]).toList(), p.concepts);
        var unitRows = sorted(units, Unit::id);
        unitRows.forEach(u -> {
            p.units.add(u.id());
            p.unitNames.add(u.name());
            p.unitClassifications.add(u.classification());
        });
        p.unitParent = resolve(unitRows.stream().map(Unit::parentId).toList(), p.units);
        p.unitArea = resolve(unitRows.stream().map(Unit::areaId).toList(), p.areas);
        posts(p);
        for (var s : supervision) {
            int post = p.posts.of(s[0]);
            int unit = p.units.of(s[1]);
            if (post >= 0 && unit >= 0) {
                p.supervision.add(new int[] {post, unit});
                p.supervisionInCharge.add("in_charge".equals(s[2]));
            }
        }
        sorted(powerItems, i -> i[0]).forEach(i -> {
            p.powerItems.add(i[0]);
            p.powerItemNames.add(i[1]);
            p.powerItemCategories.add(i[2]);
        });
        duties(p);
        return p;
    }

    private void posts(Projection p) {
        var rows = sorted(posts, Post::id);
        rows.forEach(post -> {
            p.posts.add(post.id());
            p.postLabels.add(post.label());
            p.postRoles.add(post.role());
        });
        p.postUnit = resolve(rows.stream().map(Post::unitId).toList(), p.units);
        p.postBackup = resolve(rows.stream().map(Post::backupId).toList(), p.posts);
        p.postReportsTo = resolve(rows.stream().map(Post::reportsToId).toList(), p.posts);
        p.postVacant = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            p.postVacant[i] = rows.get(i).vacant();
        }
    }

    private void duties(Projection p) {
        var units = new ArrayList<Integer>();
        var posts = new ArrayList<Integer>();
        var kept = new ArrayList<Duty>();
        for (var d : sorted(duties, Duty::id)) {
            int post = p.posts.of(d.holderId());
            int unit = post >= 0 ? p.postUnit[post] : p.units.of(d.holderId());
            if (unit < 0) continue; // held by a dissolved unit or post: not part of this organisation
            p.duties.add(d.id());
            p.dutyTexts.add(d.text());
            p.dutyRoles.add(d.role());
            p.dutyArrangements.add(d.arrangement());
            units.add(unit);
            posts.add(post);
            kept.add(d);
        }
        int n = kept.size();
        p.dutyUnit = units.stream().mapToInt(Integer::intValue).toArray();
        p.dutyPost = posts.stream().mapToInt(Integer::intValue).toArray();
        p.dutyAction = new int[n];
        p.dutyOwnArea = new int[n];
        p.dutyObjects = new int[n][];
        p.dutyPowerItems = new int[n][];
        for (int i = 0; i < n; i++) {
            var d = kept.get(i);
            p.dutyAction[i] = p.concepts.of(d.action());
            p.dutyOwnArea[i] = p.areas.of(d.areaId());
            p.dutyObjects[i] = known(d.objects(), p.concepts);
            p.dutyPowerItems[i] = known(d.powerItems(), p.powerItems);
        }
    }

    private static int[] known(List<String> ids, Ids index) {
        return ids.stream().mapToInt(index::of).filter(i -> i >= 0).distinct().toArray();
    }

    /** Ordered by id; entries without an id or repeating one are left out. */
    private static <T> List<T> sorted(List<T> entries, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        return entries.stream()
                .filter(e -> id.apply(e) != null && seen.add(id.apply(e)))
                .sorted(Comparator.comparing(id))
                .toList();
    }

    private static int[] resolve(List<String> ids, Ids index) {
        return Arrays.stream(ids.toArray(String[]::new)).mapToInt(index::of).toArray();
    }
}
