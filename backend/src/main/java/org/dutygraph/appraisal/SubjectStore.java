package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What appraisal asks of the organisation graph about its subjects (units and persons): which exist, who is under a
 * unit or led by a person on a day, who a badge or post names. Holding a post on a day is {@link Holdings#currentOn}.
 * Each call joins the caller's transaction when there is one.
 */
@Component
public class SubjectStore {

    private static final String HOLDS_M = Holdings.currentOn("m", "$day");

    /** Leadership roles: their holders read the results of the units they lead. */
    private static final List<String> LEADING = List.of("principal", "deputy", "head", "deputy_head");

    private final Neo4jClient neo4j;

    SubjectStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Of these ids, those of a unit or a person. */
    public Set<String> existing(Collection<String> ids) {
        return new HashSet<>(neo4j.query("""
                        UNWIND $ids AS id OPTIONAL MATCH (o:Organization {id: id}) OPTIONAL MATCH (p:Person {id: id})
                        WITH id WHERE o IS NOT NULL OR p IS NOT NULL RETURN DISTINCT id""")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(String.class)
                .all());
    }

    /** Whether the subject is a unit (else a person): a scheme appraises subjects of one kind. */
    public boolean isUnit(String subjectId) {
        return neo4j.query("MATCH (o:Organization {id: $id}) RETURN count(o) > 0 AS unit")
                .bind(subjectId)
                .to("id")
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** The unit, the units under it and the people holding posts there on {@code day}; empty for no such unit. */
    public List<String> subtree(String unitId, LocalDate day) {
        return neo4j.query("""
                        MATCH (top:Organization {id: $unit}) MATCH (u:Organization)-[:PART_OF*0..]->(top)
                        OPTIONAL MATCH (p:Person)-[m:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE %s
                        WITH collect(DISTINCT u.id) + collect(DISTINCT p.id) AS ids RETURN ids""".formatted(HOLDS_M))
                .bindAll(Map.of("unit", unitId, "day", day.toString()))
                .fetchAs(Ids.class)
                .mappedBy((types, r) -> new Ids(r.get("ids").asList(Value::asString)))
                .one()
                .map(Ids::ids)
                .orElse(List.of());
    }

    /**
     * Units under the ones the person leads on {@code day} (holding a post of a leading role there), and the people
     * holding posts in them.
     */
    public List<String> ledBy(String personId, LocalDate day) {
        return neo4j.query("""
                        MATCH (:Person {id: $person})-[h:HOLDS]->(lead:Post)-[:IN_ORG]->(top:Organization)
                        WHERE lead.role IN $leading AND %s
                        MATCH (u:Organization)-[:PART_OF*0..]->(top)
                        OPTIONAL MATCH (p:Person)-[m:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE %s
                        WITH collect(DISTINCT u.id) + collect(DISTINCT p.id) AS ids RETURN ids""".formatted(Holdings.currentOn("h", "$day"), HOLDS_M))
                .bindAll(Map.of("person", personId, "day", day.toString(), "leading", LEADING))
                .fetchAs(Ids.class)
                .mappedBy((types, r) -> new Ids(r.get("ids").asList(Value::asString)))
                .one()
                .map(Ids::ids)
                .orElse(List.of());
    }

    /** The person with this badge (a person id), or else the one person holding the post on {@code day}. */
    public Optional<String> badgeOrHolder(String badge, String postId, LocalDate day) {
        var params = new HashMap<String, Object>();
        params.put("badge", badge);
        params.put("post", postId);
        params.put("day", day.toString());
        return neo4j.query("""
                        OPTIONAL MATCH (b:Person {id: $badge})
                        OPTIONAL MATCH (h:Person)-[m:HOLDS]->(:Post {id: $post}) WHERE %s
                        RETURN b.id AS badge, collect(DISTINCT h.id) AS holders""".formatted(HOLDS_M))
                .bindAll(params)
                .fetchAs(Named.class)
                .mappedBy((types, r) -> new Named(
                        r.get("badge").asString(null), r.get("holders").asList(Value::asString)))
                .one()
                .map(Named::person);
    }

    private record Named(String badge, List<String> holders) {

        String person() {
            return badge != null ? badge : holders.size() == 1 ? holders.get(0) : null;
        }
    }

    private record Ids(List<String> ids) {}
}
