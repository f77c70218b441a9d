package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;

/**
 * Reads the projection's duties from the embedded database through its Java API, the bulk of a full read (a million
 * duties and their four or five relationships each): each duty node once, its properties and its outgoing
 * relationships in one walk each, each holder, concept, area and power item resolved to its index once per range
 * instead of a string lookup per row. The duty nodes are split into ranges read side by side, each in its own read
 * transaction.
 * <p>
 * It sets exactly what {@link ProjectionStore}'s Cypher scans set: the active duties ({@code status} not {@code
 * withdrawn}) held through {@code HELD_BY} by a unit or post of the projection, in the order of their ids (code point
 * order, as Cypher's {@code ORDER BY}); the action and area of a {@code Concept} and an {@code Area} target (the last
 * one read if there are several); the known objects and power items in ascending order. A duty held twice is held by
 * the first of today's holders by id, as the Cypher read takes it. Two active duties with one id (which the id's
 * uniqueness constraint prevents) fail the read instead of giving a wrong projection.
 */
final class InProcessDuties {

    private static final Label DUTY = Label.label("Duty");
    private static final Label POST = Label.label("Post");
    private static final Label CONCEPT = Label.label("Concept");
    private static final Label AREA = Label.label("Area");
    private static final Label POWER_ITEM = Label.label("PowerItem");

    /** A target that is not of the label its relationship is read for (not matched by the Cypher scan). */
    private static final int NOT_MATCHED = Integer.MIN_VALUE;

    /** Not yet looked at, in a range's cache of targets. */
    private static final int UNRESOLVED = Integer.MIN_VALUE + 1;

    private static final String[] PROPERTIES = {"id", "status", "text", "role", "arrangementId"};

    /** Below this many duties per range, the duties are read in one range. */
    private static final int RANGE_AT_LEAST = 20_000;

    private static final int[] NONE = new int[0];

    private InProcessDuties() {}

    private record Holder(String id, int post, int unit) {}

    private record DutyRow(
            String id,
            String text,
            String role,
            String arrangement,
            int unit,
            int post,
            int action,
            int area,
            int[] objects,
            int[] items) {}

    /** The order of Cypher's {@code ORDER BY} on strings: by code point, nulls last. */
    static final Comparator<String> CODE_POINT_ORDER = Comparator.nullsLast(InProcessDuties::compareCodePoints);

    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-16 order differs from code point order only between a surrogate and a char from U+E000
                return Integer.compare(fixUp(x), fixUp(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int fixUp(char c) {
        if (c < 0xD800) return c;
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    @SuppressWarnings("deprecation") // node ids: the only handle on a node that another transaction can use
    static void load(Projection p, GraphDatabaseService db) {
        long[] nodes;
        try (var tx = db.beginTx();
                var all = tx.findNodes(DUTY)) {
            var ids = new long[1024];
            int n = 0;
            while (all.hasNext()) {
                if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
                ids[n++] = all.next().getId();
            }
            nodes = Arrays.copyOf(ids, n);
        }
        int ranges = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), nodes.length / RANGE_AT_LEAST));
        var parts = IntStream.range(0, ranges)
                .parallel()
                .mapToObj(r -> read(p, db, nodes, (int) ((long) nodes.length * r / ranges), (int)
                        ((long) nodes.length * (r + 1) / ranges)))
                .toList();
        int total = parts.stream().mapToInt(List::size).sum();
        var rows = new DutyRow[total];
        int at = 0;
        for (var part : parts) {
            for (var row : part) rows[at++] = row;
        }
        Arrays.parallelSort(rows, Comparator.comparing(DutyRow::id, CODE_POINT_ORDER));
        p.dutyUnit = new int[total];
        p.dutyPost = new int[total];
        p.dutyAction = new int[total];
        p.dutyOwnArea = new int[total];
        p.dutyObjects = new int[total][];
        p.dutyPowerItems = new int[total][];
        for (int d = 0; d < total; d++) {
            var row = rows[d];
            if (p.duties.add(row.id()) != d) {
                throw new IllegalStateException("Two active duties have the id " + row.id());
            }
            p.dutyTexts.add(row.text());
            p.dutyRoles.add(row.role());
            p.dutyArrangements.add(row.arrangement());
            p.dutyUnit[d] = row.unit();
            p.dutyPost[d] = row.post();
            p.dutyAction[d] = row.action();
            p.dutyOwnArea[d] = row.area();
            p.dutyObjects[d] = row.objects();
            p.dutyPowerItems[d] = row.items();
        }
    }

    /**
     * One range of duty nodes, in its own read transaction: each duty's properties in one walk of its property chain,
     * its outgoing relationships in one walk of its chain, each target resolved once per range.
     */
    @SuppressWarnings("deprecation")
    private static List<DutyRow> read(Projection p, GraphDatabaseService db, long[] nodes, int from, int to) {
        var rows = new ArrayList<DutyRow>(to - from);
        var holders = new LongObjectHashMap<Holder>();
        var concepts = new LongIntHashMap();
        var areas = new LongIntHashMap();
        var items = new LongIntHashMap();
        try (var tx = db.beginTx()) {
            for (int i = from; i < to; i++) {
                Node d;
                try {
                    d = tx.getNodeById(nodes[i]);
                } catch (NotFoundException deleted) {
                    continue; // deleted since the scan: its commit has moved the count, the next run reads again
                }
                if (!d.hasLabel(DUTY)) continue;
                var properties = d.getProperties(PROPERTIES);
                if ("withdrawn".equals(properties.get("status"))) continue;
                Holder holder = null;
                int action = -1;
                int area = -1;
                int[] objects = NONE;
                int[] powerItems = NONE;
                try (var relationships = d.getRelationships(Direction.OUTGOING)) {
                    for (var r : relationships) {
                        switch (r.getType().name()) {
                            case "HELD_BY" -> {
                                var h = r.getEndNode();
                                var held = holders.getIfAbsentPut(h.getId(), () -> holder(p, h));
                                // held twice (written straight to the graph): the first of today's holders by id,
                                // as the Cypher read and the incremental read take it
                                if (held.unit() >= 0
                                        && (holder == null || CODE_POINT_ORDER.compare(held.id(), holder.id()) < 0)) {
                                    holder = held;
                                }
                            }
                            case "ACTION" -> {
                                int t = target(r.getEndNode(), CONCEPT, p.concepts, concepts);
                                if (t != NOT_MATCHED) action = t;
                            }
                            case "IN_AREA" -> {
                                int t = target(r.getEndNode(), AREA, p.areas, areas);
                                if (t != NOT_MATCHED) area = t;
                            }
                            case "ON_OBJECT" ->
                                objects = with(objects, target(r.getEndNode(), CONCEPT, p.concepts, concepts));
                            case "EXERCISES" ->
                                powerItems = with(powerItems, target(r.getEndNode(), POWER_ITEM, p.powerItems, items));
                            default -> {}
                        }
                    }
                }
                if (holder == null) {
                    continue; // no holder, or a dissolved unit or post: not part of today's organisation
                }
                if (objects.length > 1) Arrays.sort(objects);
                if (powerItems.length > 1) Arrays.sort(powerItems);
                rows.add(new DutyRow(
                        (String) properties.get("id"),
                        (String) properties.get("text"),
                        (String) properties.get("role"),
                        (String) properties.get("arrangementId"),
                        holder.unit(),
                        holder.post(),
                        action,
                        area,
                        objects,
                        powerItems));
            }
        }
        return rows;
    }

    private static Holder holder(Projection p, Node h) {
        var id = (String) h.getProperty("id", null);
        int post = h.hasLabel(POST) ? p.posts.of(id) : -1;
        int unit = post >= 0 ? p.postUnit[post] : p.units.of(id);
        return new Holder(id, post, unit);
    }

    /** The list with the target added when it is a known one (duplicates kept, as the Cypher rows keep them). */
    private static int[] with(int[] found, int target) {
        if (target < 0) return found;
        var grown = Arrays.copyOf(found, found.length + 1);
        grown[found.length] = target;
        return grown;
    }

    /** The target's index, or -1 when unknown, or {@link #NOT_MATCHED} when it lacks the label. */
    @SuppressWarnings("deprecation")
    private static int target(Node node, Label label, Ids index, LongIntHashMap cache) {
        long id = node.getId();
        int known = cache.getIfAbsent(id, UNRESOLVED);
        if (known != UNRESOLVED) return known;
        int resolved = node.hasLabel(label) ? index.of((String) node.getProperty("id", null)) : NOT_MATCHED;
        cache.put(id, resolved);
        return resolved;
    }
}
