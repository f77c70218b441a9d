package org.dutygraph.appraisal.rounds;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What rater groups are made of, from the organisation graph on a given day (posts held on it: {@link Holdings#currentOn}):
 * persons' units, sections' parents, supervisors, leaders and staff of units. See {@link RaterGroups}. Each call joins the
 * caller's transaction when there is one.
 */
@Component
class RaterStore {

    static final List<String> LEADERSHIP_ROLES = List.of("principal", "deputy", "head", "deputy_head");
    private static final String HOLDS_ON_DAY = Holdings.currentOn("h", "$day");

    private final Neo4jClient neo4j;

    RaterStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Of {@code ids}, those of nodes with this label (Organization or Person). */
    Set<String> existing(String label, Collection<String> ids) {
        if (!label.equals("Organization") && !label.equals("Person")) {
            throw new IllegalArgumentException("not a subject label: " + label);
        }
        return new HashSet<>(neo4j.query("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(String.class)
                .all());
    }

    /** Names of units and persons, by id ('' for none). */
    Map<String, String> names(Collection<String> ids) {
        return pairs("""
                MATCH (n) WHERE (n:Organization OR n:Person) AND n.id IN $ids RETURN n.id AS id, n.name AS name""", Map.of("ids", List.copyOf(ids)));
    }

    /** For each person, the units of the posts they hold on the day; persons holding none are left out. */
    Map<String, List<String>> unitsOf(List<String> persons, LocalDate day) {
        return grouped("""
                UNWIND $ids AS id MATCH (:Person {id: id})-[h:HOLDS]->(:Post)-[:IN_ORG]->(u:Organization) WHERE %s
                RETURN id, collect(DISTINCT u.id) AS people""".formatted(HOLDS_ON_DAY), persons, day);
    }

    /** For each of these units that is a section, the unit it is part of. */
    Map<String, String> sectionParents(List<String> units) {
        return pairs("""
                MATCH (u:Organization)-[:PART_OF]->(p:Organization) WHERE u.id IN $ids AND u.classification = 'section'
                RETURN u.id AS id, p.id AS name""", Map.of("ids", units));
    }

    /** For each unit, the persons holding on the day a post that supervises it. */
    Map<String, List<String>> supervisors(List<String> units, LocalDate day) {
        return grouped("""
                UNWIND $ids AS id MATCH (post:Post)-[:SUPERVISES]->(:Organization {id: id})
                MATCH (x:Person)-[h:HOLDS]->(post) WHERE %s RETURN id, collect(DISTINCT x.id) AS people""".formatted(HOLDS_ON_DAY), units, day);
    }

    /** For each unit, the persons holding on the day one of its posts of a leadership role. */
    Map<String, List<String>> leaders(List<String> units, LocalDate day) {
        var params =
                new HashMap<String, Object>(Map.of("ids", units, "day", day.toString(), "roles", LEADERSHIP_ROLES));
        return grouped("""
                UNWIND $ids AS id MATCH (x:Person)-[h:HOLDS]->(post:Post)-[:IN_ORG]->(:Organization {id: id})
                WHERE post.role IN $roles AND %s RETURN id, collect(DISTINCT x.id) AS people""".formatted(HOLDS_ON_DAY), params);
    }

    /** For each unit, the persons holding on the day a post in it or in a unit under it. */
    Map<String, List<String>> staff(List<String> units, LocalDate day) {
        return grouped("""
                UNWIND $ids AS id MATCH (u:Organization)-[:PART_OF*0..]->(:Organization {id: id})
                MATCH (x:Person)-[h:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE %s
                RETURN id, collect(DISTINCT x.id) AS people""".formatted(HOLDS_ON_DAY), units, day);
    }

    private Map<String, List<String>> grouped(String cypher, List<String> ids, LocalDate day) {
        return grouped(cypher, Map.of("ids", ids, "day", day.toString()));
    }

    /** Rows of {@code id} and {@code people}, by id. */
    private Map<String, List<String>> grouped(String cypher, Map<String, Object> params) {
        record Row(String id, List<String> people) {}
        var map = new HashMap<String, List<String>>();
        neo4j.query(cypher)
                .bindAll(params)
                .fetchAs(Row.class)
                .mappedBy((types, r) ->
                        new Row(r.get("id").asString(), r.get("people").asList(Value::asString)))
                .all()
                .forEach(row -> map.put(row.id(), row.people()));
        return map;
    }

    /** Rows of {@code id} and {@code name}, by id ('' for a null name). */
    private Map<String, String> pairs(String cypher, Map<String, Object> params) {
        record Row(String id, String name) {}
        var map = new HashMap<String, String>();
        neo4j.query(cypher)
                .bindAll(params)
                .fetchAs(Row.class)
                .mappedBy((types, r) ->
                        new Row(r.get("id").asString(), r.get("name").asString("")))
                .all()
                .forEach(row -> map.put(row.id(), row.name()));
        return map;
    }
}
