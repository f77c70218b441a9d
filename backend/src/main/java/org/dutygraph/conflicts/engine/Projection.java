package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory copy of the parts of the organisation graph the conflict analysis reads: trees as
 * parent arrays, duties as int references. Built by {@link ProjectionStore}, or by tests directly.
 */
public final class Projection {

    final Ids units = new Ids();
    final List<String> unitNames = new ArrayList<>();
    final List<String> unitClassifications = new ArrayList<>();
    int[] unitParent = new int[0];
    int[] unitArea = new int[0];

    final Ids areas = new Ids();
    int[] areaParent = new int[0];

    final Ids concepts = new Ids();
    final List<String> conceptLabels = new ArrayList<>();
    int[] conceptParent = new int[0];

    final Ids posts = new Ids();
    final List<String> postLabels = new ArrayList<>();
    final List<String> postRoles = new ArrayList<>();
    int[] postUnit = new int[0];
    int[] postBackup = new int[0];
    int[] postReportsTo = new int[0];
    boolean[] postVacant = new boolean[0];

    /** Supervision edges: post supervises unit, kind in_charge or principal. */
    final List<int[]> supervision = new ArrayList<>();

    final List<Boolean> supervisionInCharge = new ArrayList<>();

    final Ids powerItems = new Ids();
    final List<String> powerItemNames = new ArrayList<>();
    final List<String> powerItemCategories = new ArrayList<>();

    final Ids duties = new Ids();
    final List<String> dutyTexts = new ArrayList<>();
    final List<String> dutyRoles = new ArrayList<>();
    final List<String> dutyArrangements = new ArrayList<>();
    int[] dutyUnit = new int[0];
    /** The holding post, or -1 when a unit holds the duty itself. */
    int[] dutyPost = new int[0];

    int[] dutyAction = new int[0];
    int[] dutyOwnArea = new int[0];
    int[][] dutyObjects = new int[0][];
    int[][] dutyPowerItems = new int[0][];

    /** True when {@code ancestor} is {@code node} or one of its ancestors in the parent array. */
    static boolean isAncestorOrSelf(int[] parent, int ancestor, int node) {
        for (int n = node, guard = 0; n >= 0 && guard < 1_000; n = parent[n], guard++) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    static boolean nested(int[] parent, int a, int b) {
        return a >= 0 && b >= 0 && (isAncestorOrSelf(parent, a, b) || isAncestorOrSelf(parent, b, a));
    }

    /** The duty's own area, or else the nearest area of its unit and that unit's ancestors; -1 if none. */
    int effectiveArea(int duty) {
        if (dutyOwnArea[duty] >= 0) {
            return dutyOwnArea[duty];
        }
        for (int u = dutyUnit[duty], guard = 0; u >= 0 && guard < 1_000; u = unitParent[u], guard++) {
            if (unitArea[u] >= 0) {
                return unitArea[u];
            }
        }
        return -1;
    }

    boolean isCoded(int duty) {
        return dutyAction[duty] >= 0 && dutyObjects[duty].length > 0;
    }

    /**
     * Everything the projection holds, as lists comparable with {@code equals}: two reads of one graph (the Java API
     * and the driver) must give equal contents.
     */
    public List<Object> contents() {
        var all = new ArrayList<Object>();
        for (var ids : List.of(units, areas, concepts, posts, powerItems, duties)) {
            var list = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) list.add(ids.id(i));
            all.add(list);
        }
        all.addAll(List.of(
                unitNames,
                unitClassifications,
                conceptLabels,
                postLabels,
                postRoles,
                powerItemNames,
                powerItemCategories,
                dutyTexts,
                dutyRoles,
                dutyArrangements,
                supervisionInCharge));
        for (var ints : List.of(
                unitParent,
                unitArea,
                areaParent,
                conceptParent,
                postUnit,
                postBackup,
                postReportsTo,
                dutyUnit,
                dutyPost,
                dutyAction,
                dutyOwnArea)) {
            all.add(java.util.Arrays.stream(ints).boxed().toList());
        }
        var vacant = new ArrayList<Boolean>();
        for (var v : postVacant) vacant.add(v);
        all.add(vacant);
        all.add(supervision.stream()
                .map(e -> java.util.Arrays.stream(e).boxed().toList())
                .toList());
        all.add(java.util.Arrays.stream(dutyObjects)
                .map(e -> java.util.Arrays.stream(e).boxed().toList())
                .toList());
        all.add(java.util.Arrays.stream(dutyPowerItems)
                .map(e -> java.util.Arrays.stream(e).boxed().toList())
                .toList());
        return all;
    }

    public int dutyCount() {
        return duties.size();
    }
}
