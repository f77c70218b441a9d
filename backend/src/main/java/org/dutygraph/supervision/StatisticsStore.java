package org.dutygraph.supervision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.org.read.Holdings;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** What the monthly statistics count: cases ended and signals raised in a span, by unit and responsible post. */
@Component
class StatisticsStore {

    /** Cases ended in the span for one unit and post (post null: none resolved). */
    record EndedRow(String unitId, String postId, long cases, long timed, long onTime, long daysUsed, long committed) {}

    /** Signals raised in the span for one unit, post and level. */
    record SignalRow(String unitId, String postId, String level, long count) {}

    private final Neo4jClient neo4j;

    StatisticsStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Cases ended in [from, to), in these units (null: every unit). */
    List<EndedRow> ended(Instant from, Instant to, Collection<String> units) {
        var params = span(from, to, units);
        return List.copyOf(neo4j.query("""
                        MATCH (c:SupervisedCase) WHERE c.endedAt >= $from AND c.endedAt < $to
                          AND ($units IS NULL OR c.unitId IN $units)
                        RETURN c.unitId AS unit, c.endPostId AS post, count(*) AS cases, count(c.onTime) AS timed,
                               sum(CASE WHEN c.onTime THEN 1 ELSE 0 END) AS onTime,
                               coalesce(sum(c.daysUsed), 0) AS daysUsed, coalesce(sum(c.committedDays), 0) AS committed""")
                .bindAll(params)
                .fetchAs(EndedRow.class)
                .mappedBy((t, r) -> new EndedRow(
                        r.get("unit").asString(),
                        r.get("post").asString(null),
                        r.get("cases").asLong(),
                        r.get("timed").asLong(),
                        r.get("onTime").asLong(),
                        r.get("daysUsed").asLong(),
                        r.get("committed").asLong()))
                .all());
    }

    /** Signals raised in [from, to), in these units (null: every unit). */
    List<SignalRow> raised(Instant from, Instant to, Collection<String> units) {
        return List.copyOf(neo4j.query("""
                        MATCH (s:SupervisionSignal) WHERE s.raisedAt >= $from AND s.raisedAt < $to
                          AND ($units IS NULL OR s.unitId IN $units)
                        RETURN s.unitId AS unit, s.postId AS post, s.level AS level, count(*) AS n""")
                .bindAll(span(from, to, units))
                .fetchAs(SignalRow.class)
                .mappedBy((t, r) -> new SignalRow(
                        r.get("unit").asString(),
                        r.get("post").asString(null),
                        r.get("level").asString(),
                        r.get("n").asLong()))
                .all());
    }

    /** Names of units and labels of posts, by id (missing ids left out). */
    Map<String, String> names(String label, Collection<String> ids) {
        if (!List.of("Organization", "Post").contains(label)) throw new IllegalArgumentException(label);
        var property = label.equals("Post") ? "label" : "name";
        var found = new HashMap<String, String>();
        neo4j.query("UNWIND $ids AS id MATCH (n:" + label + " {id: id}) RETURN n.id AS id, n." + property + " AS name")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("id").asString(), r.get("name").asString("")))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    /**
     * The department each of these units belongs to, by unit: the unit itself or the nearest unit above it whose
     * parent is a government (a city's departments and offices: 部门, 直属机构, 街道, 管委会 ...), never a section or
     * a government itself. Units under no government are left out.
     */
    Map<String, String> departments(Collection<String> unitIds) {
        var found = new HashMap<String, String>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH path = (:Organization {id: id})-[:PART_OF*0..]->(d:Organization)
                                     -[:PART_OF]->(:Organization {classification: 'government'})
                        WHERE coalesce(d.classification, '') <> 'government'
                        WITH id, d ORDER BY length(path)
                        RETURN id, head(collect(d.id)) AS department""")
                .bind(List.copyOf(unitIds))
                .to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("id").asString(), r.get("department").asString()))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    /** Which of these units exist. */
    List<String> existingUnits(Collection<String> ids) {
        return List.copyOf(neo4j.query("UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.id AS id")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(String.class)
                .all());
    }

    /** The people holding each of these posts on the day (ISO date), by post. */
    Map<String, List<String>> holders(Collection<String> postIds, String day) {
        var found = new HashMap<String, List<String>>();
        neo4j.query("""
                        UNWIND $posts AS post MATCH (p:Person)-[h:HOLDS]->(:Post {id: post}) WHERE %s
                        RETURN post, collect(DISTINCT p.id) AS people""".formatted(Holdings.currentOn("h", "$day")))
                .bindAll(Map.of("posts", List.copyOf(postIds), "day", day))
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("post").asString(), r.get("people").asList(org.neo4j.driver.Value::asString)))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (List<String>) e.getValue()));
        return found;
    }

    private static Map<String, Object> span(Instant from, Instant to, Collection<String> units) {
        var params = new HashMap<String, Object>();
        params.put("from", from.atOffset(ZoneOffset.UTC));
        params.put("to", to.atOffset(ZoneOffset.UTC));
        params.put("units", units == null ? null : List.copyOf(units));
        return params;
    }
}
