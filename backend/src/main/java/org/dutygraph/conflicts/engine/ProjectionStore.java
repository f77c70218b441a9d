package org.dutygraph.conflicts.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Reads the projection from Neo4j in a handful of streaming scans into primitive arrays. When the store runs in this
 * JVM, the scans of units, posts, taxonomies and areas run through the embedded database's Java API (no Bolt encoding
 * and decoding) and the duties, the bulk of a full read, are read node by node by {@link InProcessDuties}; against a
 * server or cluster, every scan runs through the plain driver.
 */
public final class ProjectionStore {

    private final Driver driver;
    private final GraphDatabaseService embedded;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param embedded the database in this JVM, or null to read through the driver
     * @param clock whose date says which memberships and duties are current
     */
    public ProjectionStore(Driver driver, GraphDatabaseService embedded, Clock clock) {
        this.driver = driver;
        this.embedded = embedded;
        this.clock = clock;
    }

    /** True when the projection is read through the embedded Java API rather than Bolt. */
    public boolean readsInProcess() {
        return embedded != null;
    }

    /** How many whole projections have been read since start. */
    public long reads() {
        return reads.get();
    }

    public Projection load() {
        reads.incrementAndGet();
        var today = Map.<String, Object>of("today", LocalDate.now(clock).toString());
        if (embedded == null) {
            try (var session = driver.session();
                    var tx = session.beginTransaction()) {
                var p = load(
                        (cypher, each) -> tx.run(cypher, today)
                                .forEachRemaining(r -> each.accept(new Row() {
                                    @Override
                                    public String str(String key) {
                                        Value v = r.get(key);
                                        return v.isNull() ? null : v.asString();
                                    }

                                    @Override
                                    public boolean bool(String key) {
                                        return r.get(key).asBoolean();
                                    }
                                })),
                        true);
                tx.commit();
                return p;
            }
        }
        Projection p;
        try (var tx = embedded.beginTx()) {
            p = load(
                    (cypher, each) -> {
                        try (var result = tx.execute(cypher, today)) {
                            result.accept(r -> {
                                each.accept(new Row() {
                                    @Override
                                    public String str(String key) {
                                        return (String) r.get(key);
                                    }

                                    @Override
                                    public boolean bool(String key) {
                                        return (Boolean) r.get(key);
                                    }
                                });
                                return true;
                            });
                        }
                    },
                    false);
        }
        InProcessDuties.load(p, embedded);
        return p;
    }

    private static Projection load(Scan scan, boolean withDuties) {
        var p = new Projection();
        loadAreas(p, scan);
        loadConcepts(p, scan);
        loadUnits(p, scan);
        loadPosts(p, scan);
        // in a fixed order: a multi-head finding lists its supervisors, and its digest, in the order read (unordered,
        // a fresh read after a replan could give another digest than the kept projection's)
        scan.run("""
                MATCH (p:Post)-[s:SUPERVISES]->(u:Organization)
                RETURN p.id AS post, u.id AS unit, s.kind AS kind ORDER BY post, unit, kind""", r -> {
            int post = p.posts.of(str(r, "post"));
            int unit = p.units.of(str(r, "unit"));
            if (post >= 0 && unit >= 0) {
                p.supervision.add(new int[] {post, unit});
                p.supervisionInCharge.add("in_charge".equals(str(r, "kind")));
            }
        });
        scan.run(
                "MATCH (i:PowerItem) WHERE coalesce(i.status, 'active') <> 'withdrawn' RETURN i.id AS id, i.name AS name, i.category AS category ORDER BY id",
                r -> {
                    p.powerItems.add(str(r, "id"));
                    p.powerItemNames.add(str(r, "name"));
                    p.powerItemCategories.add(str(r, "category"));
                });
        if (withDuties) loadDuties(p, scan);
        return p;
    }

    /** The current state of the given duties, for {@link LiveAnalysis#apply}. */
    public List<DutyChange> loadDuties(List<String> ids) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (d:Duty {id: id}) WHERE coalesce(d.status, 'active') <> 'withdrawn'
                    CALL { WITH d OPTIONAL MATCH (d)-[:HELD_BY]->(h) RETURN h ORDER BY h.id LIMIT 1 }
                    OPTIONAL MATCH (d)-[:ACTION]->(a:Concept)
                    OPTIONAL MATCH (d)-[:IN_AREA]->(area:Area)
                    RETURN id, d IS NOT NULL AS exists, d.text AS text, d.role AS role, d.arrangementId AS arrangement,
                           h.id AS holder, coalesce(h:Post, false) AS byPost, a.id AS action, area.id AS area,
                           COLLECT { MATCH (d)-[:ON_OBJECT]->(c:Concept) RETURN c.id } AS objects,
                           COLLECT { MATCH (d)-[:EXERCISES]->(i:PowerItem) RETURN i.id } AS items""", Map.of("ids", ids))
                    .list(r -> new DutyChange(
                            str(r, "id"),
                            r.get("exists").asBoolean(),
                            str(r, "holder"),
                            r.get("byPost").asBoolean(),
                            str(r, "text"),
                            str(r, "role"),
                            str(r, "arrangement"),
                            str(r, "action"),
                            r.get("objects").asList(Value::asString),
                            str(r, "area"),
                            r.get("items").asList(Value::asString))));
        }
    }

    private interface Scan {
        void run(String cypher, Consumer<Row> each);
    }

    /** One result row, from either source. */
    private interface Row {
        String str(String key);

        boolean bool(String key);
    }

    private static String str(Row r, String key) {
        return r.str(key);
    }

    private static String str(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? null : v.asString();
    }

    private static void loadAreas(Projection p, Scan scan) {
        var parents = new ArrayList<String>();
        scan.run(
                "MATCH (a:Area) OPTIONAL MATCH (a)-[:WITHIN]->(parent:Area) RETURN a.id AS id, parent.id AS parent ORDER BY id",
                r -> {
                    p.areas.add(str(r, "id"));
                    parents.add(str(r, "parent"));
                });
        p.areaParent = resolve(parents, p.areas);
    }

    private static void loadConcepts(Projection p, Scan scan) {
        var parents = new ArrayList<String>();
        scan.run(
                "MATCH (c:Concept) OPTIONAL MATCH (c)-[:BROADER]->(b:Concept) RETURN c.id AS id, c.label AS label, b.id AS parent ORDER BY id",
                r -> {
                    p.concepts.add(str(r, "id"));
                    p.conceptLabels.add(str(r, "label"));
                    parents.add(str(r, "parent"));
                });
        p.conceptParent = resolve(parents, p.concepts);
    }

    private static void loadUnits(Projection p, Scan scan) {
        var parents = new ArrayList<String>();
        var areas = new ArrayList<String>();
        scan.run("""
                MATCH (u:Organization) WHERE coalesce(u.status, 'active') <> 'dissolved'
                OPTIONAL MATCH (u)-[:PART_OF]->(parent:Organization)
                OPTIONAL MATCH (u)-[:IN_AREA]->(a:Area)
                RETURN u.id AS id, u.name AS name, u.classification AS classification, parent.id AS parent, a.id AS area
                ORDER BY id""", r -> {
            p.units.add(str(r, "id"));
            p.unitNames.add(str(r, "name"));
            p.unitClassifications.add(str(r, "classification"));
            parents.add(str(r, "parent"));
            areas.add(str(r, "area"));
        });
        p.unitParent = resolve(parents, p.units);
        p.unitArea = resolve(areas, p.areas);
    }

    private static void loadPosts(Projection p, Scan scan) {
        var units = new ArrayList<String>();
        var backups = new ArrayList<String>();
        var reportsTo = new ArrayList<String>();
        var vacant = new ArrayList<Boolean>();
        scan.run("""
                MATCH (post:Post)-[:IN_ORG]->(u:Organization) WHERE coalesce(post.status, 'active') <> 'dissolved'
                OPTIONAL MATCH (post)-[:BACKED_UP_BY]->(b:Post)
                OPTIONAL MATCH (post)-[:REPORTS_TO]->(r:Post)
                RETURN post.id AS id, post.label AS label, post.role AS role, u.id AS unit, b.id AS backup, r.id AS reportsTo,
                       NOT EXISTS { MATCH (:Person)-[m:HOLDS]->(post)
                                    WHERE m.startDate <= $today AND (m.endDate IS NULL OR m.endDate >= $today) } AS vacant
                ORDER BY id""", r -> {
            p.posts.add(str(r, "id"));
            p.postLabels.add(str(r, "label"));
            p.postRoles.add(str(r, "role"));
            units.add(str(r, "unit"));
            backups.add(str(r, "backup"));
            reportsTo.add(str(r, "reportsTo"));
            vacant.add(r.bool("vacant"));
        });
        p.postUnit = resolve(units, p.units);
        p.postBackup = resolve(backups, p.posts);
        p.postReportsTo = resolve(reportsTo, p.posts);
        p.postVacant = new boolean[vacant.size()];
        for (int i = 0; i < vacant.size(); i++) {
            p.postVacant[i] = vacant.get(i);
        }
    }

    private static void loadDuties(Projection p, Scan scan) {
        var units = new ArrayList<Integer>();
        var posts = new ArrayList<Integer>();
        scan.run("""
                MATCH (d:Duty)-[:HELD_BY]->(h) WHERE coalesce(d.status, 'active') <> 'withdrawn'
                RETURN d.id AS id, d.text AS text, d.role AS role, d.arrangementId AS arrangement, h.id AS holder, h:Post AS byPost
                ORDER BY id, holder""", r -> {
            // a duty held twice (written straight to the graph) is one duty, held by the first of today's holders:
            // a second row would add its text and unit again and shift every later duty's by one place
            if (p.duties.of(str(r, "id")) >= 0) {
                return;
            }
            var holder = str(r, "holder");
            int post = r.bool("byPost") ? p.posts.of(holder) : -1;
            int unit = post >= 0 ? p.postUnit[post] : p.units.of(holder);
            if (unit < 0) {
                return; // held by a dissolved unit or post: not part of today's organisation
            }
            p.duties.add(str(r, "id"));
            p.dutyTexts.add(str(r, "text"));
            p.dutyRoles.add(str(r, "role"));
            p.dutyArrangements.add(str(r, "arrangement"));
            units.add(unit);
            posts.add(post);
        });
        int n = p.duties.size();
        p.dutyUnit = units.stream().mapToInt(Integer::intValue).toArray();
        p.dutyPost = posts.stream().mapToInt(Integer::intValue).toArray();
        p.dutyAction = new int[n];
        p.dutyOwnArea = new int[n];
        Arrays.fill(p.dutyAction, -1);
        Arrays.fill(p.dutyOwnArea, -1);
        scan.run("MATCH (d:Duty)-[:ACTION]->(c:Concept) RETURN d.id AS duty, c.id AS target", r -> {
            int d = p.duties.of(str(r, "duty"));
            if (d >= 0) p.dutyAction[d] = p.concepts.of(str(r, "target"));
        });
        scan.run("MATCH (d:Duty)-[:IN_AREA]->(a:Area) RETURN d.id AS duty, a.id AS target", r -> {
            int d = p.duties.of(str(r, "duty"));
            if (d >= 0) p.dutyOwnArea[d] = p.areas.of(str(r, "target"));
        });
        p.dutyObjects = multi(
                p, scan, "MATCH (d:Duty)-[:ON_OBJECT]->(c:Concept) RETURN d.id AS duty, c.id AS target", p.concepts);
        p.dutyPowerItems = multi(
                p,
                scan,
                "MATCH (d:Duty)-[:EXERCISES]->(i:PowerItem) RETURN d.id AS duty, i.id AS target",
                p.powerItems);
    }

    private static int[][] multi(Projection p, Scan scan, String cypher, Ids targets) {
        var lists = new int[p.duties.size()][];
        Arrays.fill(lists, new int[0]);
        scan.run(cypher, r -> {
            int d = p.duties.of(str(r, "duty"));
            int t = targets.of(str(r, "target"));
            if (d >= 0 && t >= 0) {
                var old = lists[d];
                var grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = t;
                lists[d] = grown;
            }
        });
        for (int d = 0; d < lists.length; d++) {
            if (lists[d].length > 1) lists[d] = ProjectionPatch.canonical(lists[d]);
        }
        return lists;
    }

    private static int[] resolve(List<String> ids, Ids index) {
        var result = new int[ids.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = index.of(ids.get(i));
        }
        return result;
    }
}
