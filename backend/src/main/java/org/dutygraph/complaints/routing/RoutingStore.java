package org.dutygraph.complaints.routing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * What routing asks of the duty graph. Routing runs inside the group commit that stores the complaint, a plain
 * driver transaction (see the complaints' SubmissionStore), so this store is bound to that transaction rather than
 * joining a Spring-managed one: it is made per transaction with {@link #in}.
 */
public final class RoutingStore {

    /** A duty is in force unless withdrawn. */
    private static final String ACTIVE = "coalesce(d.status, 'active') <> 'withdrawn'";

    /**
     * From a duty {@code d} to the unit holding it ({@code unit}: the organisation, or the unit of the holding post)
     * and the area it applies in ({@code area}: its own, else the nearest area up its unit's hierarchy), keeping only
     * duties whose area contains the incident's {@code $area} (nested areas included). A duty without any area, or a
     * complaint without one, is not narrowed.
     */
    private static final String HOLDER_IN_PLACE = """
            MATCH (d)-[:HELD_BY]->(h)
            OPTIONAL MATCH (h)-[:IN_ORG]->(po)
            WITH *, coalesce(po, h) AS unit
            CALL (d, unit) {
              OPTIONAL MATCH (d)-[:IN_AREA]->(own)
              OPTIONAL MATCH path = (unit)-[:PART_OF*0..]->(:Organization)-[:IN_AREA]->(inherited)
              WITH own, inherited ORDER BY length(path) LIMIT 1
              RETURN coalesce(own, inherited) AS area
            }
            WITH * WHERE $area IS NULL OR area IS NULL OR EXISTS { MATCH (:Area {id: $area})-[:WITHIN*0..]->(area) }
            """;

    private static final String POWER_ITEM_DUTIES = "MATCH (d:Duty)-[:EXERCISES]->(:PowerItem {id: $matter})";

    /** A duty on a broader object covers every narrower one (a duty on 非煤矿山 covers 石膏矿). */
    private static final String MATTER_DUTIES =
            "MATCH (:Concept {id: $matter})-[:BROADER*0..]->(:Concept)<-[:ON_OBJECT]-(d:Duty) WITH DISTINCT d";

    /** A unit holding duties on the matter in the place, with those duties. */
    record Holder(String unitId, List<String> dutyIds) {}

    /** An active overlap finding on some of the duties, and the unit of its arbiter post. */
    record Arbiter(String findingId, String unitId, String unitName) {}

    /** A duty on a matter the words name ({@code word}, the longest label or synonym found in them). */
    record ConceptHit(
            String unitId, String unitName, String duty, String matter, String word, String heldOn, String areaName) {}

    /** A duty whose wording is close to the words (full text). */
    record WordingHit(String unitId, String unitName, String duty, String areaName) {}

    private final TransactionContext tx;

    private RoutingStore(TransactionContext tx) {
        this.tx = tx;
    }

    /** The store for the queries of this transaction. */
    public static RoutingStore in(TransactionContext tx) {
        return new RoutingStore(tx);
    }

    Optional<String> unitName(String unitId) {
        return tx
                .run("MATCH (o:Organization {id: $id}) RETURN o.name AS name", Map.of("id", unitId))
                .list(r -> r.get("name").asString())
                .stream()
                .findFirst();
    }

    List<String> unitsOfPost(String postId) {
        return tx.run("MATCH (:Post {id: $id})-[:IN_ORG]->(o) RETURN o.id AS id", Map.of("id", postId))
                .list(r -> r.get("id").asString());
    }

    /** The units of the posts the person holds on {@code day}. */
    List<String> unitsOfHolder(String personId, LocalDate day) {
        return tx.run(
                        "MATCH (:Person {id: $badge})-[h:HOLDS]->(:Post)-[:IN_ORG]->(o) WHERE "
                                + Holdings.currentOn("h", "$today") + " RETURN DISTINCT o.id AS id",
                        Map.of("badge", personId, "today", day.toString()))
                .list(r -> r.get("id").asString());
    }

    /** The units holding an active duty exercising the power item in the place, by unit id. */
    List<Holder> holdersOfPowerItem(String powerItemId, String areaId) {
        return holders(POWER_ITEM_DUTIES, powerItemId, areaId);
    }

    /** The units holding an active duty on the concept or a broader one in the place, by unit id. */
    List<Holder> holdersOfMatter(String conceptId, String areaId) {
        return holders(MATTER_DUTIES, conceptId, areaId);
    }

    private List<Holder> holders(String duties, String matter, String areaId) {
        var params = new HashMap<String, Object>();
        params.put("matter", matter);
        params.put("area", areaId);
        return tx.run(duties + "\nWITH d WHERE " + ACTIVE + "\n" + HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, collect(d.id) AS duties ORDER BY unit""", params)
                .list(r -> new Holder(r.get("unit").asString(), r.get("duties").asList(Value::asString)));
    }

    /** The first (by id) overlap finding, neither retired nor waived, that names one of the duties and an arbiter. */
    Optional<Arbiter> arbiter(List<String> dutyIds) {
        return tx
                .run("""
                MATCH (f:Finding) WHERE f.kind = 'overlap' AND f.active AND f.status <> 'waived'
                  AND f.arbiterPostId IS NOT NULL AND any(x IN f.duties WHERE x IN $duties)
                MATCH (:Post {id: f.arbiterPostId})-[:IN_ORG]->(o)
                RETURN f.id AS finding, o.id AS unit, o.name AS name ORDER BY f.id LIMIT 1""", Map.of("duties", dutyIds))
                .list(r -> new Arbiter(
                        r.get("finding").asString(),
                        r.get("unit").asString(),
                        r.get("name").asString()))
                .stream()
                .findFirst();
    }

    /**
     * Duties on the object concepts whose label or synonym occurs in {@code text} (lower case), found through the
     * full-text {@code query}, at most {@code limit} concepts; nearest concept first, then the longer word.
     */
    List<ConceptHit> byConcept(String query, String text, String areaId, int limit) {
        return tx.run("""
                CALL db.index.fulltext.queryNodes('concept_label', $q) YIELD node AS c, score
                WITH c, score WHERE c.scheme = 'object'
                WITH c, [x IN [c.label] + coalesce(c.altLabels, []) WHERE $text CONTAINS toLower(x)] AS said
                WHERE size(said) > 0
                WITH c, reduce(w = '', x IN said | CASE WHEN size(x) > size(w) THEN x ELSE w END) AS word
                ORDER BY size(word) DESC, c.id LIMIT $n
                MATCH path = (c)-[:BROADER*0..]->(on:Concept)<-[:ON_OBJECT]-(d:Duty)
                WITH c, word, on, d, length(path) - 1 AS distance WHERE\s""" + ACTIVE + "\n" + HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, unit.name AS unitName, d.text AS duty, c.label AS matter, word,
                       on.label AS heldOn, area.name AS areaName
                ORDER BY distance, size(word) DESC, unit, d.id""", search(query, text, areaId, limit))
                .list(r -> new ConceptHit(
                        r.get("unit").asString(),
                        r.get("unitName").asString(),
                        r.get("duty").asString(),
                        r.get("matter").asString(),
                        r.get("word").asString(),
                        r.get("heldOn").asString(),
                        r.get("areaName").asString(null)));
    }

    /** Active duties whose wording matches the full-text {@code query}, best first, at most {@code limit}. */
    List<WordingHit> byWording(String query, String areaId, int limit) {
        return tx.run("""
                CALL db.index.fulltext.queryNodes('duty_text', $q) YIELD node AS d, score
                WITH d, score WHERE\s""" + ACTIVE + """

                WITH d, score ORDER BY score DESC LIMIT 200
                """ + HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, unit.name AS unitName, d.text AS duty, area.name AS areaName
                ORDER BY score DESC, unit LIMIT $n""", search(query, null, areaId, limit))
                .list(r -> new WordingHit(
                        r.get("unit").asString(),
                        r.get("unitName").asString(),
                        r.get("duty").asString(),
                        r.get("areaName").asString(null)));
    }

    private static Map<String, Object> search(String query, String text, String areaId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("q", query);
        params.put("text", text);
        params.put("area", areaId);
        params.put("n", limit);
        return params;
    }
}
