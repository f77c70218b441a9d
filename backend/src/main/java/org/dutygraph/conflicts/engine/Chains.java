package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Supervisory chains in the projection, with the same rules as the API's post chain: reports-to,
 * else the unit's head, else the unit's in-charge supervisor, else its principal supervisor, else
 * the head of the nearest parent unit. The arbiter of a finding is the lowest post on every
 * involved unit's chain.
 */
final class Chains {

    private static final int MAX = 64;

    private final Projection p;
    private final int[] head;
    private final int[] inCharge;
    private final int[] principal;
    private final int[][] unitChains;

    Chains(Projection p) {
        this.p = p;
        int units = p.units.size();
        head = new int[units];
        inCharge = new int[units];
        principal = new int[units];
        Arrays.fill(head, -1);
        Arrays.fill(inCharge, -1);
        Arrays.fill(principal, -1);
        for (int post = 0; post < p.posts.size(); post++) {
            int u = p.postUnit[post];
            if (u < 0) continue;
            var role = p.postRoles.get(post);
            if ("principal".equals(role) && (head[u] < 0 || !"principal".equals(p.postRoles.get(head[u])))) {
                head[u] = post;
            } else if ("head".equals(role) && head[u] < 0) {
                head[u] = post;
            }
        }
        for (int i = 0; i < p.supervision.size(); i++) {
            int post = p.supervision.get(i)[0];
            int unit = p.supervision.get(i)[1];
            int[] target = p.supervisionInCharge.get(i) ? inCharge : principal;
            if (target[unit] < 0) target[unit] = post;
        }
        unitChains = new int[units][];
    }

    /** Posts answering for the unit, nearest first: its head, then up the chain. */
    int[] ofUnit(int unit) {
        if (unitChains[unit] == null) {
            unitChains[unit] = ofPost(startOf(unit));
        }
        return unitChains[unit];
    }

    private int startOf(int unit) {
        if (head[unit] >= 0) return head[unit];
        if (inCharge[unit] >= 0) return inCharge[unit];
        if (principal[unit] >= 0) return principal[unit];
        for (int u = p.unitParent[unit], guard = 0; u >= 0 && guard < MAX; u = p.unitParent[u], guard++) {
            if (head[u] >= 0) return head[u];
        }
        return -1;
    }

    private int next(int post) {
        if (p.postReportsTo[post] >= 0) return p.postReportsTo[post];
        int u = p.postUnit[post];
        if (u < 0) return -1;
        if (head[u] >= 0 && head[u] != post) return head[u];
        if (inCharge[u] >= 0 && inCharge[u] != post) return inCharge[u];
        if (principal[u] >= 0 && principal[u] != post) return principal[u];
        for (int a = p.unitParent[u], guard = 0; a >= 0 && guard < MAX; a = p.unitParent[a], guard++) {
            if (head[a] >= 0 && head[a] != post) return head[a];
        }
        return -1;
    }

    /** The lowest post on the chains of all the units; for one unit, the first post above the unit itself. */
    String arbiter(List<Integer> units) {
        if (units.isEmpty()) return null;
        int only = units.size() == 1 ? units.get(0) : -1;
        return lowestCommon(units.stream().map(this::ofUnit).toList(), post -> p.postUnit[post] != only);
    }

    /** The lowest post on the chains starting at each of the posts (a post's chain includes itself). */
    String arbiterOfPosts(List<Integer> posts) {
        if (posts.isEmpty()) return null;
        return lowestCommon(posts.stream().map(this::ofPost).toList(), post -> true);
    }

    private String lowestCommon(List<int[]> chains, IntPredicate eligible) {
        outer:
        for (int candidate : chains.get(0)) {
            if (!eligible.test(candidate)) continue;
            for (int k = 1; k < chains.size(); k++) {
                if (!contains(chains.get(k), candidate)) continue outer;
            }
            return p.posts.id(candidate);
        }
        return null;
    }

    /** The chain from a post upwards, the post included; empty for -1. */
    private int[] ofPost(int start) {
        var chain = new ArrayList<Integer>();
        var seen = new HashSet<Integer>();
        for (int post = start; post >= 0 && chain.size() < MAX && seen.add(post); post = next(post)) {
            chain.add(post);
        }
        return chain.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean contains(int[] chain, int post) {
        for (int c : chain) if (c == post) return true;
        return false;
    }
}
