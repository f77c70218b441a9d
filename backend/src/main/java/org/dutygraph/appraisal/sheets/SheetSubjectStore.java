package org.dutygraph.appraisal.sheets;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * How a sheet's rows name their subjects, resolved in the organisation graph: units by id or name, persons by name within
 * a unit's subtree (holding a post there on a day: {@link Holdings#currentOn}), persons' names by id, and which subjects
 * lie within a unit. Each call joins the caller's transaction when there is one.
 */
@Component
class SheetSubjectStore {

    private static final String HOLDS_ON_DAY = Holdings.currentOn("h", "$day");

    private final Neo4jClient neo4j;

    SheetSubjectStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** For each reference, the ids of the unit with that id or, when there is none, of the units with that name. */
    Map<String, List<String>> unitsByIdOrName(Collection<String> refs) {
        record Found(String ref, List<String> ids) {}
        var found = new HashMap<String, List<String>>();
        neo4j.query("""
                        UNWIND $refs AS ref
                        OPTIONAL MATCH (byId:Organization {id: ref})
                        OPTIONAL MATCH (byName:Organization {name: ref}) WHERE byId IS NULL
                        RETURN ref, collect(DISTINCT coalesce(byId.id, byName.id)) AS ids""")
                .bind(List.copyOf(refs))
                .to("refs")
                .fetchAs(Found.class)
                .mappedBy((types, r) ->
                        new Found(r.get("ref").asString(), r.get("ids").asList(Value::asString)))
                .all()
                .forEach(f -> found.put(f.ref(), f.ids()));
        return found;
    }

    /**
     * For each [name, unit id or name]: the persons of that name holding a post on {@code day} in that unit or a unit under
     * it.
     */
    Map<List<String>, List<String>> personsNamedIn(Collection<List<String>> pairs, LocalDate day) {
        record Found(List<String> pair, List<String> ids) {}
        var found = new HashMap<List<String>, List<String>>();
        neo4j.query("""
                        UNWIND $pairs AS pair
                        OPTIONAL MATCH (byId:Organization {id: pair[1]})
                        OPTIONAL MATCH (byName:Organization {name: pair[1]}) WHERE byId IS NULL
                        WITH pair, coalesce(byId, byName) AS top
                        OPTIONAL MATCH (p:Person {name: pair[0]})-[h:HOLDS]->(:Post)-[:IN_ORG]->(:Organization)-[:PART_OF*0..]->(top)
                        WHERE %s
                        RETURN pair, collect(DISTINCT p.id) AS ids""".formatted(HOLDS_ON_DAY))
                .bindAll(Map.of("pairs", List.copyOf(pairs), "day", day.toString()))
                .fetchAs(Found.class)
                .mappedBy((types, r) -> new Found(
                        r.get("pair").asList(Value::asString), r.get("ids").asList(Value::asString)))
                .all()
                .forEach(f -> found.merge(
                        f.pair(),
                        f.ids(),
                        (a, b) ->
                                Stream.concat(a.stream(), b.stream()).distinct().toList()));
        return found;
    }

    /** Persons' names by id (null for a person without one); ids of no person are left out. */
    Map<String, String> personNames(Collection<String> ids) {
        record Named(String id, String name) {}
        var names = new HashMap<String, String>();
        neo4j.query("UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN id, p.name AS name")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(Named.class)
                .mappedBy((types, r) ->
                        new Named(r.get("id").asString(), r.get("name").asString(null)))
                .all()
                .forEach(n -> names.put(n.id(), n.name()));
        return names;
    }

    /** Of these ids, those of the unit, a unit under it or a person holding a post there on {@code day}. */
    Set<String> within(String unitId, Collection<String> ids, LocalDate day) {
        return new HashSet<>(neo4j.query("""
                        UNWIND $ids AS id
                        OPTIONAL MATCH (top:Organization {id: $unit})
                        OPTIONAL MATCH (u:Organization {id: id})-[:PART_OF*0..]->(top)
                        OPTIONAL MATCH (p:Person {id: id})-[h:HOLDS]->(:Post)-[:IN_ORG]->(:Organization)-[:PART_OF*0..]->(top)
                        WHERE %s
                        WITH id, u, p WHERE u IS NOT NULL OR p IS NOT NULL
                        RETURN DISTINCT id""".formatted(HOLDS_ON_DAY))
                .bindAll(Map.of("ids", List.copyOf(ids), "unit", unitId, "day", day.toString()))
                .fetchAs(String.class)
                .all());
    }
}
