package org.dutygraph.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dutygraph.cases.PostCatalogues.PostRef;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The duties posts hold now, with what a situation can bind to: their concepts (and broader ones) and power items. */
@Component
class PostCatalogueStore {

    record PowerItemRef(String id, String category) {}

    record HeldDuty(
            String postId,
            String postLabel,
            String dutyId,
            String text,
            List<String> concepts,
            List<PowerItemRef> powerItems) {}

    private final Neo4jClient neo4j;

    PostCatalogueStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    java.util.Optional<PostRef> post(String postId) {
        return neo4j.query(
                        "MATCH (p:Post {id: $id})-[:IN_ORG]->(u:Organization) RETURN p.id AS id, p.label AS label, u.id AS unit, u.name AS name")
                .bind(postId)
                .to("id")
                .fetchAs(PostRef.class)
                .mappedBy((types, r) -> new PostRef(
                        r.get("id").asString(),
                        r.get("label").asString(null),
                        r.get("unit").asString(),
                        r.get("name").asString(null)))
                .one();
    }

    /** The posts of a unit (not of the units under it), by id, keyset paged. */
    List<PostRef> postsOf(String unitId, String after, int limit) {
        var params = new java.util.HashMap<String, Object>();
        params.put("unit", unitId);
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (p:Post)-[:IN_ORG]->(u:Organization {id: $unit}) WHERE $after IS NULL OR p.id > $after
                        RETURN p.id AS id, p.label AS label, u.id AS unit, u.name AS name ORDER BY p.id LIMIT $limit""")
                .bindAll(params)
                .fetchAs(PostRef.class)
                .mappedBy((types, r) -> new PostRef(
                        r.get("id").asString(),
                        r.get("label").asString(null),
                        r.get("unit").asString(),
                        r.get("name").asString(null)))
                .all());
    }

    /** The duties (not withdrawn) the posts hold, with their action and object concepts and every broader concept. */
    List<HeldDuty> duties(List<String> postIds) {
        return List.copyOf(neo4j.query("""
                        UNWIND $posts AS postId
                        MATCH (p:Post {id: postId})<-[:HELD_BY]-(d:Duty) WHERE coalesce(d.status, 'active') <> 'withdrawn'
                        OPTIONAL MATCH (d)-[:ACTION|ON_OBJECT]->(:Concept)-[:BROADER*0..]->(c:Concept)
                        WITH p, d, collect(DISTINCT c.id) AS concepts
                        OPTIONAL MATCH (d)-[:EXERCISES]->(pi:PowerItem)
                        WITH p, d, concepts, collect(DISTINCT CASE WHEN pi IS NULL THEN NULL ELSE [pi.id, pi.category] END) AS items
                        RETURN p.id AS post, p.label AS label, d.id AS duty, d.text AS text, concepts, items ORDER BY post, duty""")
                .bindAll(Map.of("posts", postIds))
                .fetchAs(HeldDuty.class)
                .mappedBy((types, r) -> new HeldDuty(
                        r.get("post").asString(),
                        r.get("label").asString(null),
                        r.get("duty").asString(),
                        r.get("text").asString(null),
                        r.get("concepts").asList(Value::asString),
                        r.get("items")
                                .asList(v -> new PowerItemRef(
                                        v.get(0).asString(), v.get(1).asString(null)))))
                .all());
    }

    /** Whether the person holds the post on {@code day}. */
    boolean holds(String personId, String postId, LocalDate day) {
        return neo4j.query("""
                        MATCH (:Person {id: $person})-[h:HOLDS]->(:Post {id: $post}) WHERE %s RETURN count(h) > 0 AS held""".formatted(Holdings.currentOn("h", "$day")))
                .bindAll(Map.of("person", personId, "post", postId, "day", day.toString()))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }
}
