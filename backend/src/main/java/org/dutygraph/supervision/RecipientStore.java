package org.dutygraph.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dutygraph.org.read.Holdings;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The accounts of the people holding posts today (a person's account names them by personId). */
@Component
class RecipientStore {

    private final Neo4jClient neo4j;

    RecipientStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The post supervising the unit, or its nearest unit above, as the leader in charge (分管, {@code in_charge}). */
    java.util.Optional<String> leaderInCharge(String unitId) {
        return neo4j.query("""
                        MATCH path = (:Organization {id: $unit})-[:PART_OF*0..]->(:Organization)<-[:SUPERVISES {kind: 'in_charge'}]-(s:Post)
                        WHERE coalesce(s.status, 'active') <> 'dissolved'
                        RETURN s.id AS id ORDER BY length(path), s.id LIMIT 1""").bind(unitId).to("unit").fetchAs(String.class).one();
    }

    Set<String> usernamesHolding(Collection<String> postIds, String day) {
        if (postIds.isEmpty()) return Set.of();
        return new TreeSet<>(neo4j.query("""
                        MATCH (person:Person)-[holds:HOLDS]->(p:Post) WHERE p.id IN $posts AND %s
                        MATCH (a:Account {personId: person.id}) WHERE coalesce(a.enabled, true)
                        RETURN DISTINCT a.username AS username""".formatted(Holdings.currentOn("holds", "$day")))
                .bindAll(Map.of("posts", List.copyOf(postIds), "day", day))
                .fetchAs(String.class)
                .all());
    }

    /** {@link #leaderInCharge} of each unit in one query (a unit without one is left out). */
    Map<String, String> leadersInCharge(Collection<String> unitIds) {
        var found = new java.util.HashMap<String, String>();
        neo4j.query("""
                        UNWIND $units AS unit
                        CALL (unit) {
                          MATCH path = (:Organization {id: unit})-[:PART_OF*0..]->(:Organization)<-[:SUPERVISES {kind: 'in_charge'}]-(s:Post)
                          WHERE coalesce(s.status, 'active') <> 'dissolved'
                          RETURN s.id AS id ORDER BY length(path), s.id LIMIT 1 }
                        RETURN unit, id""")
                .bind(List.copyOf(unitIds))
                .to("units")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("unit").asString(), r.get("id").asString()))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    /** {@link #usernamesHolding} of each post alone, in one query (a post nobody holds is left out). */
    Map<String, Set<String>> usernamesByPost(Collection<String> postIds, String day) {
        var found = new java.util.HashMap<String, Set<String>>();
        if (postIds.isEmpty()) return found;
        neo4j.query("""
                        MATCH (person:Person)-[holds:HOLDS]->(p:Post) WHERE p.id IN $posts AND %s
                        MATCH (a:Account {personId: person.id}) WHERE coalesce(a.enabled, true)
                        RETURN DISTINCT p.id AS post, a.username AS username""".formatted(Holdings.currentOn("holds", "$day")))
                .bindAll(Map.of("posts", List.copyOf(postIds), "day", day))
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("post").asString(), r.get("username").asString()))
                .all()
                .forEach(e -> found.computeIfAbsent((String) e.getKey(), k -> new TreeSet<>())
                        .add((String) e.getValue()));
        return found;
    }
}
