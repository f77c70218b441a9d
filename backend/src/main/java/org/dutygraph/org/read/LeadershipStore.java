package org.dutygraph.org.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Who leads which units: a person holding, on a day, a post of a leading role (principal, deputy, head, deputy head)
 * leads that post's unit and every unit under it. The definition cases and appraisal use, for features that scope
 * what a unit's leaders see to their units.
 */
@Component
public class LeadershipStore {

    public static final List<String> LEADING_ROLES = List.of("principal", "deputy", "head", "deputy_head");

    private final Neo4jClient neo4j;

    LeadershipStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The units the person leads on {@code day} and every unit under them; empty for one who leads none. */
    public List<String> ledUnits(String personId, LocalDate day) {
        return List.copyOf(neo4j.query("""
                        MATCH (:Person {id: $person})-[h:HOLDS]->(lead:Post)-[:IN_ORG]->(top:Organization)
                        WHERE lead.role IN $leading AND %s
                        MATCH (u:Organization)-[:PART_OF*0..]->(top)
                        RETURN DISTINCT u.id AS id""".formatted(Holdings.currentOn("h", "$day")))
                .bindAll(Map.of("person", personId, "day", day.toString(), "leading", LEADING_ROLES))
                .fetchAs(String.class)
                .all());
    }
}
