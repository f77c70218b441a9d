package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Brings a projection up to date with changes of some existing duties, read again from the graph, so that it is what
 * {@link ProjectionStore#load} would now read: each duty's holder, wording, role, arrangement, action, area, objects
 * and power items are set exactly as the full read sets them. Only a change the projection can take without moving
 * any duty is applied: each duty already in it, still active, held by a unit or post it holds. Anything else (a duty
 * new, withdrawn or removed, held elsewhere, read twice) leaves the projection untouched and answers false: read it
 * anew.
 */
public final class ProjectionPatch {

    private ProjectionPatch() {}

    /** Applies all the changes, or none (false). */
    public static boolean apply(Projection p, List<DutyChange> changes) {
        var seen = new HashSet<String>();
        var rows = new ArrayList<int[][]>();
        for (var change : changes) {
            if (!seen.add(change.id())) return false; // several holders or actions: as read, not as patched
            int d = p.duties.of(change.id());
            if (d < 0 || !change.exists() || p.dutyUnit[d] < 0 || change.holderId() == null) return false;
            int post = change.byPost() ? p.posts.of(change.holderId()) : -1;
            int unit = post >= 0 ? p.postUnit[post] : p.units.of(change.holderId());
            if (unit < 0) return false;
            rows.add(new int[][] {
                {d, unit, post, p.concepts.of(change.actionId()), p.areas.of(change.areaId())},
                known(change.objectIds(), p.concepts),
                known(change.itemIds(), p.powerItems)
            });
        }
        for (int i = 0; i < rows.size(); i++) {
            var change = changes.get(i);
            var row = rows.get(i);
            int d = row[0][0];
            p.dutyUnit[d] = row[0][1];
            p.dutyPost[d] = row[0][2];
            p.dutyAction[d] = row[0][3];
            p.dutyOwnArea[d] = row[0][4];
            p.dutyObjects[d] = row[1];
            p.dutyPowerItems[d] = row[2];
            p.dutyTexts.set(d, change.text());
            p.dutyRoles.set(d, change.role());
            p.dutyArrangements.set(d, change.arrangement());
        }
        return true;
    }

    /** The known targets' indexes in ascending order, as the full read keeps them (unknown ones are left out). */
    private static int[] known(List<String> ids, Ids index) {
        return ids.stream().mapToInt(index::of).filter(t -> t >= 0).sorted().toArray();
    }

    /** A duty's targets in ascending order, so a projection does not depend on the order the graph returns them. */
    static int[] canonical(int[] targets) {
        var sorted = targets.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
