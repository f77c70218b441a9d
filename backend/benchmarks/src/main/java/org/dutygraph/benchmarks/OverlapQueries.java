package org.dutygraph.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.neo4j.driver.Driver;

/**
 * The overlap rules of the conflict engine written in Cypher, as baselines for the conflict benchmark: the grouped
 * query a competent user would run, and the all-pairs query of a first attempt.
 */
final class OverlapQueries {

    private OverlapQueries() {}

    /**
     * The competent query: each coded duty is filed under every ancestor-or-self of its objects and of its action,
     * carrying its unit's ancestors and its area's ancestors; pairs are formed only inside a group, between a duty
     * whose object is the group's object and any other member, one of the two having the group's action. Units
     * nested, areas not nested, or one arrangement for both rule a pair out, as in the engine.
     */
    static final String GROUPED = """
            MATCH (d:Duty)-[:HELD_BY]->(h)
            WHERE coalesce(d.status, 'active') <> 'withdrawn' AND coalesce(h.status, 'active') <> 'dissolved'
            OPTIONAL MATCH (h:Post)-[:IN_ORG]->(postUnit:Organization)
            WITH d, coalesce(postUnit, h) AS u
            WHERE u:Organization AND coalesce(u.status, 'active') <> 'dissolved'
            MATCH (d)-[:ACTION]->(act:Concept)
            OPTIONAL MATCH (d)-[:IN_AREA]->(own:Area)
            WITH d, u, act, coalesce(own, COLLECT {
                   MATCH path = (u)-[:PART_OF*0..]->(:Organization)-[:IN_AREA]->(x:Area)
                   RETURN x ORDER BY length(path) LIMIT 1 }[0]) AS area
            WITH d, u, act, area, [(u)-[:PART_OF*0..]->(x:Organization) | x] AS unitUp,
                 CASE WHEN area IS NULL THEN [] ELSE [(area)-[:WITHIN*0..]->(x:Area) | x] END AS areaUp
            MATCH (d)-[:ON_OBJECT]->(obj:Concept)-[:BROADER*0..]->(objectKey:Concept)
            MATCH (act)-[:BROADER*0..]->(actionKey:Concept)
            WITH objectKey, actionKey, collect({duty: d, unit: u, area: area, unitUp: unitUp, areaUp: areaUp,
                   arrangement: d.arrangementId, exactObject: obj = objectKey, exactAction: act = actionKey}) AS members
            WHERE size(members) > 1 AND any(m IN members WHERE m.exactObject)
            UNWIND [m IN members WHERE m.exactObject] AS e
            UNWIND members AS m
            WITH objectKey, e, m
            WHERE m.duty <> e.duty AND (m.exactAction OR e.exactAction)
              AND NOT m.unit IN e.unitUp AND NOT e.unit IN m.unitUp
              AND (m.area IS NULL OR e.area IS NULL OR m.area IN e.areaUp OR e.area IN m.areaUp)
              AND (m.arrangement IS NULL OR e.arrangement IS NULL OR m.arrangement <> e.arrangement)
            RETURN m.duty.id AS duty, e.duty.id AS partner, m.unit.id AS unit, e.unit.id AS partnerUnit,
                   objectKey.id AS object""";

    /** Overlap as a first attempt in Cypher would state it: every pair of duties, then the rules. */
    static final String NAIVE = """
            MATCH (d1:Duty)-[:HELD_BY]->(h1), (d2:Duty)-[:HELD_BY]->(h2)
            WHERE d1.id < d2.id
            OPTIONAL MATCH (h1)-[:IN_ORG]->(o1)
            OPTIONAL MATCH (h2)-[:IN_ORG]->(o2)
            WITH d1, d2, coalesce(o1, h1) AS u1, coalesce(o2, h2) AS u2
            WHERE u1 <> u2 AND NOT (u1)-[:PART_OF*]->(u2) AND NOT (u2)-[:PART_OF*]->(u1)
            MATCH (d1)-[:ACTION]->(a1), (d2)-[:ACTION]->(a2)
            WHERE a1 = a2 OR (a1)-[:BROADER*]->(a2) OR (a2)-[:BROADER*]->(a1)
            MATCH (d1)-[:ON_OBJECT]->(x1), (d2)-[:ON_OBJECT]->(x2)
            WHERE x1 = x2 OR (x1)-[:BROADER*]->(x2) OR (x2)-[:BROADER*]->(x1)
            RETURN count(DISTINCT [d1.id, d2.id]) AS pairs""";

    /** What an overlap answer is made of: the duties in some overlapping pair, and the finding ids they give. */
    record Overlaps(Set<String> duties, Set<String> findingIds, long pairs) {}

    /** Runs the grouped query and names each pair's finding as the engine does (units in order, the broader object). */
    static Overlaps grouped(Driver driver) {
        var duties = new HashSet<String>();
        var findings = new HashSet<String>();
        var pairs = new HashSet<String>();
        try (var session = driver.session()) {
            session.run(GROUPED).forEachRemaining(r -> {
                var duty = r.get("duty").asString();
                var partner = r.get("partner").asString();
                var unit = r.get("unit").asString();
                var partnerUnit = r.get("partnerUnit").asString();
                duties.add(duty);
                duties.add(partner);
                pairs.add(duty.compareTo(partner) < 0 ? duty + "|" + partner : partner + "|" + duty);
                var units = unit.compareTo(partnerUnit) < 0 ? unit + "|" + partnerUnit : partnerUnit + "|" + unit;
                findings.add(findingId(units + "|" + r.get("object").asString()));
            });
        }
        return new Overlaps(duties, findings, pairs.size());
    }

    /** The engine's pairwise overlap findings (not the arrangement ones), as stored by its last full run. */
    static Overlaps stored(Driver driver) {
        var duties = new HashSet<String>();
        var findings = new HashSet<String>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (f:Finding {kind: 'overlap', active: true})
                    WHERE none(e IN f.evidence WHERE e CONTAINS '{arrangementId:')
                    RETURN f.id AS id, f.duties AS duties""").forEachRemaining(r -> {
                findings.add(r.get("id").asString());
                duties.addAll(r.get("duties").asList(v -> v.asString()));
            });
        }
        return new Overlaps(duties, findings, -1);
    }

    static long naivePairs(Driver driver) {
        try (var session = driver.session()) {
            return session.run(NAIVE).single().get("pairs").asLong();
        }
    }

    /** "same" or what one side has that the other lacks, both ways. */
    static String compare(Overlaps engine, Overlaps query) {
        var onlyEngine = minus(engine.findingIds(), query.findingIds()) + minus(engine.duties(), query.duties());
        var onlyQuery = minus(query.findingIds(), engine.findingIds()) + minus(query.duties(), engine.duties());
        if (onlyEngine == 0 && onlyQuery == 0) {
            return "same " + engine.findingIds().size() + " findings and "
                    + engine.duties().size() + " duties";
        }
        return "DIFFERENT: " + onlyEngine + " finding ids/duties only from the engine, " + onlyQuery
                + " only from the query";
    }

    private static int minus(Set<String> a, Set<String> b) {
        var rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest.size();
    }

    /** Finding.idOf for an overlap key (the engine keeps it package-private). */
    private static String findingId(String key) {
        try {
            var digest =
                    MessageDigest.getInstance("SHA-256").digest(("overlap|" + key).getBytes(StandardCharsets.UTF_8));
            return "overlap-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
